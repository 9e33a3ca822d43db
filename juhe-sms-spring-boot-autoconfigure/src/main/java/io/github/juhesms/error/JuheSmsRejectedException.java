package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * Juhe rejected the request: a bad mobile, template, content or parameter.
 */
public class JuheSmsRejectedException extends JuheSmsApiException {

	/**
	 * Create an exception for an answer of Juhe.
	 * @param operation the failed operation
	 * @param errorCode Juhe's error_code
	 * @param reason Juhe's reason
	 */
	public JuheSmsRejectedException(JuheOperation operation, int errorCode, String reason) {
		super(operation, JuheSmsErrorCategory.REJECTED, errorCode, reason);
	}

}

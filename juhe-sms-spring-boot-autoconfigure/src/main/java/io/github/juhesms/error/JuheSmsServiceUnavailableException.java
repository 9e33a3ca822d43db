package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * The API or its carrier channel is under maintenance, stopped or down (10020, 10021,
 * channel codes).
 */
public class JuheSmsServiceUnavailableException extends JuheSmsApiException {

	/**
	 * Create an exception for an answer of Juhe.
	 * @param operation the failed operation
	 * @param errorCode Juhe's error_code
	 * @param reason Juhe's reason
	 */
	public JuheSmsServiceUnavailableException(JuheOperation operation, int errorCode, String reason) {
		super(operation, JuheSmsErrorCategory.SERVICE_UNAVAILABLE, errorCode, reason);
	}

}

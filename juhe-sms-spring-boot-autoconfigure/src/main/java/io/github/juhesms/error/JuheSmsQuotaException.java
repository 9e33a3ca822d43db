package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * A quota or rate limit was reached (10011-10013 or a product code such as 235711).
 */
public class JuheSmsQuotaException extends JuheSmsApiException {

	/**
	 * Create an exception for an answer of Juhe.
	 * @param operation the failed operation
	 * @param errorCode Juhe's error_code
	 * @param reason Juhe's reason
	 */
	public JuheSmsQuotaException(JuheOperation operation, int errorCode, String reason) {
		super(operation, JuheSmsErrorCategory.QUOTA, errorCode, reason);
	}

}

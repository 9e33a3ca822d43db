package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * The key or the account is wrong, expired or banned (system codes 10001-10009).
 */
public class JuheSmsCredentialsException extends JuheSmsApiException {

	/**
	 * Create an exception for an answer of Juhe.
	 * @param operation the failed operation
	 * @param errorCode Juhe's error_code
	 * @param reason Juhe's reason
	 */
	public JuheSmsCredentialsException(JuheOperation operation, int errorCode, String reason) {
		super(operation, JuheSmsErrorCategory.CREDENTIALS, errorCode, reason);
	}

}

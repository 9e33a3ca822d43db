package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * Juhe answered with one of the product's busy codes, so it did not accept the request.
 * The starter retried up to the configured attempts; it is safe to try again later.
 */
public class JuheSmsBusyException extends JuheSmsApiException {

	/**
	 * Create an exception for a busy answer of Juhe.
	 * @param operation the failed operation
	 * @param errorCode Juhe's error_code
	 * @param reason Juhe's reason
	 */
	public JuheSmsBusyException(JuheOperation operation, int errorCode, String reason) {
		super(operation, JuheSmsErrorCategory.BUSY, errorCode, reason);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}

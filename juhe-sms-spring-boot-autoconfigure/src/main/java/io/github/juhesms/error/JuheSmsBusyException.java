package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * Juhe answered with a busy code, so it did not accept the request; it is safe to try
 * again later. A code in the product's {@code busy-codes} was retried up to the
 * configured attempts; a code the documents file as busy but that was removed from
 * {@code busy-codes} was not. {@link #getAttempts()} tells how many requests were made.
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

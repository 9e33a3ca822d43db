package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * The store of send limits, idempotency keys or verification codes (Redis) could not be
 * reached, so the send was refused rather than made unlimited or unchecked
 * ({@code juhe.sms.redis.fail-open} changes that for limits and idempotency keys).
 * Nothing was sent.
 */
public class JuheSmsStoreUnavailableException extends JuheSmsException {

	/**
	 * Create an exception for an unreachable store.
	 * @param operation the operation that needed the store
	 * @param cause the store's failure
	 */
	public JuheSmsStoreUnavailableException(JuheOperation operation, Throwable cause) {
		super(operation, JuheSmsErrorCategory.STORE_UNAVAILABLE,
				"not sent: the store of limits and idempotency keys is unavailable (" + cause.getMessage() + ")",
				cause);
		refusedLocally();
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}

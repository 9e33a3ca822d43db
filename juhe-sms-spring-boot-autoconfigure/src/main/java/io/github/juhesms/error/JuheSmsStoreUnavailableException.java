package io.github.juhesms.error;

import java.util.function.Supplier;

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

	/**
	 * Make a call to a store the operation cannot do without: its failure refuses the
	 * call with this exception, so nothing goes out unlimited or unchecked.
	 * @param <T> the call's result type
	 * @param operation the operation the store is called for
	 * @param storeCall the store call
	 * @return the call's result
	 */
	public static <T> T requireStore(JuheOperation operation, Supplier<T> storeCall) {
		try {
			return storeCall.get();
		}
		catch (JuheSmsException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new JuheSmsStoreUnavailableException(operation, ex);
		}
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}

package io.github.juhesms.error;

import java.util.function.Supplier;

import io.github.juhesms.core.JuheOperation;

/**
 * The store of send limits, idempotency keys or verification codes (Redis) could not be
 * reached, so the call was refused rather than made unlimited or unchecked
 * ({@code juhe.sms.redis.fail-open} changes that for limits and idempotency keys).
 * Nothing was sent.
 */
public class JuheSmsStoreUnavailableException extends JuheSmsException {

	/** The store that could not be reached. */
	private final Store store;

	/**
	 * Create an exception for an unreachable store.
	 * @param operation the operation that needed the store
	 * @param store the store that could not be reached
	 * @param cause the store's failure
	 */
	public JuheSmsStoreUnavailableException(JuheOperation operation, Store store, Throwable cause) {
		super(operation, JuheSmsErrorCategory.STORE_UNAVAILABLE, "refused, nothing sent: the store of "
				+ store.description + " is unavailable (" + cause.getMessage() + ")", cause);
		this.store = store;
		refusedLocally();
	}

	/**
	 * Make a call to a store the operation cannot do without: its failure refuses the
	 * call with this exception, so nothing goes out unlimited or unchecked.
	 * @param <T> the call's result type
	 * @param operation the operation the store is called for
	 * @param store the store called
	 * @param storeCall the store call
	 * @return the call's result
	 */
	public static <T> T requireStore(JuheOperation operation, Store store, Supplier<T> storeCall) {
		try {
			return storeCall.get();
		}
		catch (JuheSmsException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new JuheSmsStoreUnavailableException(operation, store, ex);
		}
	}

	/**
	 * The store that could not be reached.
	 * @return the store
	 */
	public Store getStore() {
		return this.store;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

	/**
	 * The starter's stores.
	 */
	public enum Store {

		/** Send limits: the permits taken per number. */
		SEND_LIMITS("send limits"),

		/** Idempotency keys: the first answer of each keyed send. */
		IDEMPOTENCY_KEYS("idempotency keys"),

		/** Verification codes: pending codes, attempts and resend cool-downs. */
		VERIFICATION_CODES("verification codes");

		private final String description;

		Store(String description) {
			this.description = description;
		}

	}

}

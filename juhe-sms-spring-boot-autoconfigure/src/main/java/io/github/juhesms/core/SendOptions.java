package io.github.juhesms.core;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Options of one send.
 *
 * @param idempotencyKey a key of the caller's choosing (an order or message id): a repeat
 * with the same key within the de-duplication window returns the first send's result, or
 * its "outcome unknown" status, without calling Juhe
 */
public record SendOptions(@Nullable String idempotencyKey) {

	/** No options. */
	public static final SendOptions NONE = new SendOptions(null);

	/**
	 * Create options; an idempotency key must be 1-200 characters and not blank.
	 * @param idempotencyKey a key of the caller's choosing, or {@code null} for none
	 */
	public SendOptions {
		Assert.isTrue(idempotencyKey == null || (!idempotencyKey.isBlank() && idempotencyKey.length() <= 200),
				"idempotencyKey must be 1-200 characters");
	}

	/**
	 * Options with an idempotency key.
	 * @param key the key
	 * @return the options
	 */
	public static SendOptions idempotencyKey(String key) {
		return new SendOptions(key);
	}

}

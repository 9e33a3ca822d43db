package io.github.juhesms.core;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Options of one send.
 *
 * @param idempotencyKey a key of the caller's choosing (an order or message id): a repeat
 * with the same key within the de-duplication window returns the first send's result, or
 * its "outcome unknown" status, without calling Juhe
 * @param account the name of the account to send with, or {@code null} for the one the
 * application's resolver chooses, else the default account
 */
public record SendOptions(@Nullable String idempotencyKey, @Nullable String account) {

	/** No options. */
	public static final SendOptions NONE = new SendOptions(null, null);

	/**
	 * Create options; an idempotency key must be 1-200 characters and not blank.
	 * @param idempotencyKey a key of the caller's choosing, or {@code null} for none
	 * @param account the account's name, or {@code null} for none
	 */
	public SendOptions {
		Assert.isTrue(idempotencyKey == null || (!idempotencyKey.isBlank() && idempotencyKey.length() <= 200),
				"idempotencyKey must be 1-200 characters");
	}

	/**
	 * Create options with an idempotency key and no account.
	 * @param idempotencyKey a key of the caller's choosing, or {@code null} for none
	 */
	public SendOptions(@Nullable String idempotencyKey) {
		this(idempotencyKey, null);
	}

	/**
	 * Options with an idempotency key.
	 * @param key the key
	 * @return the options
	 */
	public static SendOptions idempotencyKey(String key) {
		return new SendOptions(key, null);
	}

	/**
	 * Options that send with a named account.
	 * @param account the account's name
	 * @return the options
	 */
	public static SendOptions account(String account) {
		return new SendOptions(null, account);
	}

	/**
	 * These options with an idempotency key.
	 * @param key the key
	 * @return new options
	 */
	public SendOptions withIdempotencyKey(String key) {
		return new SendOptions(key, this.account);
	}

	/**
	 * These options with a named account.
	 * @param account the account's name
	 * @return new options
	 */
	public SendOptions withAccount(String account) {
		return new SendOptions(this.idempotencyKey, account);
	}

}

package io.github.juhesms.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where sends with an idempotency key are remembered. Implementations make {@link #claim}
 * atomic, so two concurrent calls with one key produce exactly one request.
 */
public interface IdempotencyStore {

	/**
	 * Claim a key for a new send, or read what the first send with it left.
	 * @param key the key, already scoped by product
	 * @param claim the in-flight record to store if the key is free
	 * @param window how long the key is remembered
	 * @return {@code null} if the caller now owns the key, else the stored send
	 */
	@Nullable StoredSend claim(String key, StoredSend claim, Duration window);

	/**
	 * Record the outcome of an owned send.
	 * @param key the key
	 * @param outcome a succeeded or unknown outcome
	 * @param window how long the key is remembered
	 */
	void complete(String key, StoredSend outcome, Duration window);

	/**
	 * Forget an owned key whose send surely did not go out, so a repeat may send.
	 * @param key the key
	 */
	void abandon(String key);

}

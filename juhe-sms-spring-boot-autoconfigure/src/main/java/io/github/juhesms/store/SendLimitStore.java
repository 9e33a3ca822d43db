package io.github.juhesms.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the sends of each key (product and number) are counted. {@link #tryAcquire}
 * checks every rule and records the send in one atomic step, so concurrent sends, from
 * one instance or many, cannot both take the last permit. The store keeps the time: a
 * store shared by several instances uses one clock for all of them (the Redis store, the
 * server's), so their clocks' differences do not move the windows.
 */
public interface SendLimitStore {

	/**
	 * Record a send now, on the store's clock, if the key is within every rule.
	 * @param key the key
	 * @param permitId an id for the send, used to give the permit back
	 * @param rules the rules, each at most {@code count} sends in any {@code window}
	 * @return {@code null} if the send was recorded, else the rule that refuses it and
	 * when it allows the next send
	 */
	@Nullable Refusal tryAcquire(String key, String permitId, List<SendLimitRule> rules);

	/**
	 * Give back a recorded send.
	 * @param key the key
	 * @param permitId the send's id
	 */
	void release(String key, String permitId);

	/**
	 * Why a send was refused.
	 *
	 * @param rule the rule that refuses it (the one that frees up last)
	 * @param retryAt when the next send is allowed, on the store's clock
	 */
	record Refusal(SendLimitRule rule, Instant retryAt) {

	}

}

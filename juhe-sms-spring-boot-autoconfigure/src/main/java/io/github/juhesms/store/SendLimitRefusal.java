package io.github.juhesms.store;

import java.time.Instant;

import io.github.juhesms.core.Masking;

/**
 * One number a send limit refused.
 *
 * @param mobile the number (masked wherever it is shown)
 * @param rule the rule that refused it
 * @param retryAt when the next send to the number is allowed, on the store's clock (the
 * Redis server's with the Redis store)
 */
public record SendLimitRefusal(String mobile, SendLimitRule rule, Instant retryAt) {

	@Override
	public String toString() {
		return Masking.mobile(this.mobile) + ": limit " + this.rule + ", next send allowed at " + this.retryAt;
	}

}

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
 * @param source the property the rule comes from, e.g. {@code juhe.sms.limits.rules}
 */
public record SendLimitRefusal(String mobile, SendLimitRule rule, Instant retryAt, String source) {

	@Override
	public String toString() {
		return Masking.mobile(this.mobile) + ": limit " + this.rule + " (" + this.source + "), next send allowed at "
				+ this.retryAt;
	}

}

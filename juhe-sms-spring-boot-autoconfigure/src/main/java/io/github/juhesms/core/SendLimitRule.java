package io.github.juhesms.core;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * At most {@code count} messages to one number in any {@code window}.
 *
 * @param count the most messages in the window
 * @param window the length of the sliding window
 */
public record SendLimitRule(int count, Duration window) {

	public SendLimitRule {
		Assert.isTrue(count >= 1, "count must be at least 1");
		Assert.isTrue(!window.isNegative() && !window.isZero(), "window must be positive");
	}

	@Override
	public String toString() {
		return this.count + " per " + this.window.toString().substring(2).toLowerCase();
	}

}

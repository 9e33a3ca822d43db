package io.github.juhesms.store;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.util.Assert;

/**
 * At most {@code count} messages to one number in any {@code window}.
 *
 * @param count the most messages in the window
 * @param window the length of the sliding window
 */
public record SendLimitRule(int count, Duration window) {

	/**
	 * Create a rule of at least one message in a positive window.
	 * @param count the most messages in the window
	 * @param window the length of the sliding window
	 */
	public SendLimitRule {
		Assert.isTrue(count >= 1, "count must be at least 1");
		Assert.isTrue(!window.isNegative() && !window.isZero(), "window must be positive");
	}

	/**
	 * The longest window of some rules: how long a number's sends must be remembered.
	 * @param rules the rules
	 * @param ifNone the answer when there are no rules
	 * @return the longest window, or {@code ifNone}
	 */
	public static Duration longestWindow(List<SendLimitRule> rules, Duration ifNone) {
		Duration longest = null;
		for (SendLimitRule rule : rules) {
			if (longest == null || rule.window().compareTo(longest) > 0) {
				longest = rule.window();
			}
		}
		return (longest != null) ? longest : ifNone;
	}

	@Override
	public String toString() {
		return this.count + " per " + this.window.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}

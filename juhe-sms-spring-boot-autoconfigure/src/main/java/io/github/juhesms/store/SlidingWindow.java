package io.github.juhesms.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The check every store makes: given the times of the sends still in the longest window,
 * oldest first, which rule refuses one more send, and until when.
 */
final class SlidingWindow {

	private SlidingWindow() {
	}

	static SendLimitStore.@Nullable Refusal check(List<Long> sendMillis, List<SendLimitRule> rules, Instant now) {
		long nowMillis = now.toEpochMilli();
		SendLimitStore.@Nullable Refusal refusal = null;
		for (SendLimitRule rule : rules) {
			long windowStart = nowMillis - rule.window().toMillis();
			int first = firstAfter(sendMillis, windowStart);
			int inWindow = sendMillis.size() - first;
			if (inWindow >= rule.count()) {
				// The next send is allowed once the oldest of the last `count` sends
				// leaves the window.
				long retryAt = sendMillis.get(sendMillis.size() - rule.count()) + rule.window().toMillis();
				if (refusal == null || retryAt > refusal.retryAt().toEpochMilli()) {
					refusal = new SendLimitStore.Refusal(rule, Instant.ofEpochMilli(retryAt));
				}
			}
		}
		return refusal;
	}

	private static int firstAfter(List<Long> sendMillis, long windowStart) {
		int index = 0;
		while (index < sendMillis.size() && sendMillis.get(index) <= windowStart) {
			index++;
		}
		return index;
	}

}

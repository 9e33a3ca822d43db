package io.github.juhesms.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.juhesms.internal.CacheOnFirstUse;
import org.jspecify.annotations.Nullable;

/**
 * Counts sends in this process. Bounded: at most {@code maxKeys} numbers are tracked (the
 * least recently sent to are dropped first) and a key is dropped once its longest window
 * has passed, so many numbers cannot exhaust memory. Atomic per key through the cache's
 * {@code compute}.
 */
public class InMemorySendLimitStore implements SendLimitStore {

	// Built on first use (see CacheOnFirstUse).
	private final Supplier<Cache<String, List<Send>>> sends;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param maxKeys the most numbers tracked at once
	 * @param longestWindow the longest window of the rules, after which an idle key is
	 * dropped
	 * @param clock the clock of the windows
	 */
	public InMemorySendLimitStore(long maxKeys, Duration longestWindow, Clock clock) {
		this.sends = new CacheOnFirstUse<>(maxKeys, longestWindow);
		this.clock = clock;
	}

	@Override
	public SendLimitStore.@Nullable Refusal tryAcquire(String key, String permitId, List<SendLimitRule> rules) {
		Instant now = this.clock.instant();
		long horizon = now.toEpochMilli() - SendLimitRule.longestWindow(rules, Duration.ZERO).toMillis();
		Refusal[] refusal = new Refusal[1];
		this.sends.get().asMap().compute(key, (ignored, existing) -> {
			List<Send> kept = new ArrayList<>();
			if (existing != null) {
				existing.stream().filter((send) -> send.millis() > horizon).forEach(kept::add);
			}
			refusal[0] = SlidingWindow.check(kept.stream().map(Send::millis).toList(), rules, now);
			if (refusal[0] == null) {
				kept.add(new Send(now.toEpochMilli(), permitId));
			}
			return kept;
		});
		return refusal[0];
	}

	@Override
	public void release(String key, String permitId) {
		this.sends.get().asMap().computeIfPresent(key, (ignored, existing) -> {
			List<Send> kept = new ArrayList<>(existing);
			kept.removeIf((send) -> send.permitId().equals(permitId));
			return kept;
		});
	}

	/**
	 * Numbers tracked now, after dropping those over the bound.
	 * @return the number of keys
	 */
	long trackedKeys() {
		this.sends.get().cleanUp();
		return this.sends.get().estimatedSize();
	}

	private record Send(long millis, String permitId) {

	}

}

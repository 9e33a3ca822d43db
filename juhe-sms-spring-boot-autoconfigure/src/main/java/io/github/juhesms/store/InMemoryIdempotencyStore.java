package io.github.juhesms.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.juhesms.internal.CacheOnFirstUse;
import org.jspecify.annotations.Nullable;

/**
 * Remembers idempotency keys in this process, for at most {@code maxKeys} keys (the
 * oldest dropped first) and each for its window. A claim is atomic through the cache's
 * {@code compute}.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

	// Built on first use (see CacheOnFirstUse).
	private final Supplier<Cache<String, Entry>> entries;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param maxKeys the most keys remembered at once
	 * @param clock the clock that ends windows
	 */
	public InMemoryIdempotencyStore(long maxKeys, Clock clock) {
		this.entries = new CacheOnFirstUse<>(maxKeys, null);
		this.clock = clock;
	}

	@Override
	public @Nullable StoredSend claim(String key, StoredSend claim, Duration window) {
		Instant now = this.clock.instant();
		StoredSend[] previous = new StoredSend[1];
		this.entries.get().asMap().compute(key, (ignored, existing) -> {
			if (existing != null && now.isBefore(existing.expiresAt())) {
				previous[0] = existing.send();
				return existing;
			}
			return new Entry(claim, now.plus(window));
		});
		return previous[0];
	}

	@Override
	public void complete(String key, StoredSend outcome, Duration window) {
		this.entries.get().put(key, new Entry(outcome, this.clock.instant().plus(window)));
	}

	@Override
	public void abandon(String key) {
		this.entries.get().invalidate(key);
	}

	private record Entry(StoredSend send, Instant expiresAt) {

	}

}

package io.github.juhesms.internal;

import java.time.Duration;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * A Caffeine cache bounded in size, built the first time it is needed, for the in-memory
 * stores. Building a cache loads enough classes to add tens of milliseconds to a cold
 * start-up, and most applications send nothing while they start. A class rather than a
 * lambda, which costs more to link during a cold start-up than this class costs to load.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class CacheOnFirstUse<K, V> implements Supplier<Cache<K, V>> {

	private final long maximumSize;

	private final @Nullable Duration expireAfterAccess;

	private volatile @Nullable Cache<K, V> cache;

	/**
	 * Create a cache that is built on first use.
	 * @param maximumSize the most entries kept; the least recently used go first
	 * @param expireAfterAccess how long an entry is kept after it was last read or
	 * written, or {@code null} to keep it until the size bound drops it
	 */
	public CacheOnFirstUse(long maximumSize, @Nullable Duration expireAfterAccess) {
		this.maximumSize = maximumSize;
		this.expireAfterAccess = expireAfterAccess;
	}

	/**
	 * The cache, built on the first call.
	 * @return the cache
	 */
	@Override
	public Cache<K, V> get() {
		Cache<K, V> built = this.cache;
		if (built == null) {
			synchronized (this) {
				built = this.cache;
				if (built == null) {
					Caffeine<Object, Object> builder = Caffeine.newBuilder().maximumSize(this.maximumSize);
					if (this.expireAfterAccess != null) {
						builder.expireAfterAccess(this.expireAfterAccess);
					}
					built = builder.build();
					this.cache = built;
				}
			}
		}
		return built;
	}

}

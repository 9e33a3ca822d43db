package io.github.juhesms.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory stores' cache: built on the first call only, once, with the bounds it was
 * given.
 */
class CacheOnFirstUseTests {

	@Test
	void isBuiltOnTheFirstCallAndThenReused() {
		CacheOnFirstUse<String, String> cache = new CacheOnFirstUse<>(10, null);
		assertThat(ReflectionTestUtils.getField(cache, "cache")).isNull();
		Cache<String, String> first = cache.get();
		first.put("k", "v");
		assertThat(cache.get()).isSameAs(first);
		assertThat(cache.get().getIfPresent("k")).isEqualTo("v");
	}

	@Test
	void keepsItsBounds() {
		Cache<String, String> cache = new CacheOnFirstUse<String, String>(7, Duration.ofMinutes(3)).get();
		assertThat(cache.policy().eviction())
			.hasValueSatisfying((eviction) -> assertThat(eviction.getMaximum()).isEqualTo(7));
		assertThat(cache.policy().expireAfterAccess())
			.hasValueSatisfying((expiry) -> assertThat(expiry.getExpiresAfter(TimeUnit.SECONDS)).isEqualTo(180));
		assertThat(new CacheOnFirstUse<String, String>(7, null).get().policy().expireAfterAccess()).isEmpty();
	}

}

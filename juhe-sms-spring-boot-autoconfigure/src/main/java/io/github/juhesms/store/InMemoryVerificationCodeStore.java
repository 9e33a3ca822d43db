package io.github.juhesms.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.internal.CacheOnFirstUse;
import org.jspecify.annotations.Nullable;

/**
 * Keeps codes and cool-downs in this process, at most {@code maxKeys} of each (oldest
 * dropped first). Atomic per key through the cache's {@code compute}.
 */
public class InMemoryVerificationCodeStore implements VerificationCodeStore {

	// Built on first use (see CacheOnFirstUse).
	private final Supplier<Cache<String, Kept>> codes;

	private final Supplier<Cache<String, Instant>> cooldowns;

	private final Clock clock;

	/**
	 * Create a store.
	 * @param maxKeys the most purposes and numbers kept at once
	 * @param clock the clock of validity and cool-downs
	 */
	public InMemoryVerificationCodeStore(long maxKeys, Clock clock) {
		this.codes = new CacheOnFirstUse<>(maxKeys, null);
		this.cooldowns = new CacheOnFirstUse<>(maxKeys, null);
		this.clock = clock;
	}

	@Override
	public @Nullable Duration startCooldown(String key, Duration cooldown) {
		Instant now = this.clock.instant();
		Duration[] left = new Duration[1];
		this.cooldowns.get().asMap().compute(key, (ignored, until) -> {
			if (until != null && now.isBefore(until)) {
				left[0] = Duration.between(now, until);
				return until;
			}
			return now.plus(cooldown);
		});
		return left[0];
	}

	@Override
	public void clearCooldown(String key) {
		this.cooldowns.get().invalidate(key);
	}

	@Override
	public Instant save(String key, String salt, String hash, Duration validity, Duration retention) {
		Instant now = this.clock.instant();
		StoredCode code = new StoredCode(salt, hash, now.plus(validity), 0, false);
		this.codes.get().put(key, new Kept(code, now.plus(retention)));
		return code.expiresAt();
	}

	@Override
	public Attempt beginAttempt(String key, int maxAttempts) {
		Instant now = this.clock.instant();
		Attempt[] attempt = new Attempt[1];
		this.codes.get().asMap().computeIfPresent(key, (ignored, kept) -> {
			if (!now.isBefore(kept.keptUntil())) {
				return null;
			}
			StoredCode code = kept.code();
			if (code.used()) {
				attempt[0] = Attempt.answered(VerificationResult.USED);
				return kept;
			}
			if (!now.isBefore(code.expiresAt())) {
				attempt[0] = Attempt.answered(VerificationResult.EXPIRED);
				return kept;
			}
			if (code.attempts() >= maxAttempts) {
				attempt[0] = Attempt.answered(VerificationResult.TOO_MANY_ATTEMPTS);
				return kept;
			}
			StoredCode counted = new StoredCode(code.salt(), code.hash(), code.expiresAt(), code.attempts() + 1, false);
			attempt[0] = new Attempt(null, counted, counted.attempts() >= maxAttempts);
			return new Kept(counted, kept.keptUntil());
		});
		return (attempt[0] != null) ? attempt[0] : Attempt.answered(VerificationResult.NO_CODE);
	}

	@Override
	public boolean consume(String key, String salt) {
		boolean[] consumed = new boolean[1];
		this.codes.get().asMap().computeIfPresent(key, (ignored, kept) -> {
			StoredCode code = kept.code();
			if (code.used() || !code.salt().equals(salt)) {
				return kept;
			}
			consumed[0] = true;
			return new Kept(new StoredCode(code.salt(), code.hash(), code.expiresAt(), code.attempts(), true),
					kept.keptUntil());
		});
		return consumed[0];
	}

	private record Kept(StoredCode code, Instant keptUntil) {

	}

}

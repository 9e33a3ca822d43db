package io.github.juhesms.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.store.StoredCode;
import io.github.juhesms.store.VerificationCodeStore;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps codes and cool-downs in Redis: a hash per purpose and number, changed only by Lua
 * scripts, so a code sent through one instance verifies on another, and only once. A
 * code's expiry is set and checked on the Redis server's clock (its {@code TIME}), and
 * cool-downs are key expiries, so instances whose clocks differ agree on both; the expiry
 * {@link #save} answers is on that clock. Keys expire. Needs Redis 5 or later.
 */
public class RedisVerificationCodeStore implements VerificationCodeStore {

	static final String SAVE_SCRIPT = "io/github/juhesms/redis/code-save.lua";

	static final String ATTEMPT_SCRIPT = "io/github/juhesms/redis/code-attempt.lua";

	static final String CONSUME_SCRIPT = "io/github/juhesms/redis/code-consume.lua";

	private static final RedisScript<Long> SAVE = RedisScript.of(new ClassPathResource(SAVE_SCRIPT), Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ATTEMPT = RedisScript.of(new ClassPathResource(ATTEMPT_SCRIPT), List.class);

	private static final RedisScript<Long> CONSUME = RedisScript.of(new ClassPathResource(CONSUME_SCRIPT), Long.class);

	private final StringRedisTemplate redis;

	private final String codePrefix;

	private final String cooldownPrefix;

	/**
	 * Create a store.
	 * @param redis the Redis template
	 * @param keyPrefix the prefix of every key, e.g. {@code juhe:sms:}
	 */
	public RedisVerificationCodeStore(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.codePrefix = keyPrefix + "code:";
		this.cooldownPrefix = keyPrefix + "code-cooldown:";
	}

	@Override
	public @Nullable Duration startCooldown(String key, Duration cooldown) {
		String redisKey = this.cooldownPrefix + key;
		if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(redisKey, "1", cooldown))) {
			return null;
		}
		Long left = this.redis.getExpire(redisKey, TimeUnit.MILLISECONDS);
		return Duration.ofMillis((left != null && left > 0) ? left : cooldown.toMillis());
	}

	@Override
	public void clearCooldown(String key) {
		this.redis.delete(this.cooldownPrefix + key);
	}

	@Override
	public Instant save(String key, String salt, String hash, Duration validity, Duration retention) {
		Long expiresAt = this.redis.execute(SAVE, List.of(this.codePrefix + key), salt, hash,
				Long.toString(validity.toMillis()), Long.toString(retention.toMillis()));
		if (expiresAt == null) {
			throw new IllegalStateException("Redis answered nothing to the code-save script");
		}
		return Instant.ofEpochMilli(expiresAt);
	}

	@Override
	public Attempt beginAttempt(String key, int maxAttempts) {
		List<?> answer = this.redis.execute(ATTEMPT, List.of(this.codePrefix + key), Integer.toString(maxAttempts));
		if (answer == null || answer.isEmpty()) {
			throw new IllegalStateException("Redis answered nothing to the code-attempt script");
		}
		String status = answer.get(0).toString();
		if (!status.equals("COMPARE")) {
			return Attempt.answered(VerificationResult.valueOf(status));
		}
		int attempts = Integer.parseInt(answer.get(4).toString());
		StoredCode code = new StoredCode(answer.get(1).toString(), answer.get(2).toString(),
				Instant.ofEpochMilli(Long.parseLong(answer.get(3).toString())), attempts, false);
		return new Attempt(null, code, attempts >= maxAttempts);
	}

	@Override
	public boolean consume(String key, String salt) {
		Long consumed = this.redis.execute(CONSUME, List.of(this.codePrefix + key), salt);
		return consumed != null && consumed == 1;
	}

}

package io.github.juhesms.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts sends in Redis: one sorted set of send times per key, checked and added to by
 * one Lua script, so instances sharing the Redis cannot both take the last permit. The
 * windows are on the Redis server's clock (its {@code TIME}), so instances whose clocks
 * differ still share them, and a refusal's {@code retryAt} is on that clock too. Keys
 * expire after the longest window. Needs Redis 5 or later.
 */
public class RedisSendLimitStore implements SendLimitStore {

	static final String ACQUIRE_SCRIPT = "io/github/juhesms/redis/send-limit-acquire.lua";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = RedisScript.of(new ClassPathResource(ACQUIRE_SCRIPT), List.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	/**
	 * Create a store.
	 * @param redis the Redis template
	 * @param keyPrefix the prefix of every key, e.g. {@code juhe:sms:}
	 */
	public RedisSendLimitStore(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.keyPrefix = keyPrefix + "limit:";
	}

	@Override
	public @Nullable Refusal tryAcquire(String key, String permitId, List<SendLimitRule> rules) {
		List<String> args = new ArrayList<>();
		args.add(permitId);
		args.add(Long.toString(SendLimitRule.longestWindow(rules, Duration.ofMillis(1)).toMillis()));
		for (SendLimitRule rule : rules) {
			args.add(Integer.toString(rule.count()));
			args.add(Long.toString(rule.window().toMillis()));
		}
		List<?> answer = this.redis.execute(ACQUIRE, List.of(this.keyPrefix + key), args.toArray());
		if (answer == null || answer.isEmpty()) {
			throw new IllegalStateException("Redis answered nothing to the send-limit script");
		}
		if (((Number) answer.get(0)).longValue() == 1) {
			return null;
		}
		int count = ((Number) answer.get(1)).intValue();
		Duration window = Duration.ofMillis(((Number) answer.get(2)).longValue());
		SendLimitRule rule = rules.stream()
			.filter((candidate) -> candidate.count() == count && candidate.window().equals(window))
			.findFirst()
			.orElseGet(() -> new SendLimitRule(count, window));
		return new Refusal(rule, Instant.ofEpochMilli(((Number) answer.get(3)).longValue()));
	}

	@Override
	public void release(String key, String permitId) {
		this.redis.opsForZSet().remove(this.keyPrefix + key, permitId);
	}

}

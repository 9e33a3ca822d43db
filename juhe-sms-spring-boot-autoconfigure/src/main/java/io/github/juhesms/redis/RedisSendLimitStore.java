package io.github.juhesms.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.SpendCapCharge;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts sends in Redis: one sorted set of send times per key and one hash per spend cap
 * (its period's start and the units used), checked and added to by one Lua script, so
 * instances sharing the Redis cannot both take the last permit or the last units of a
 * cap, and a send with caps costs the same one round trip as one without. The windows and
 * the caps' calendar periods are on the Redis server's clock (its {@code TIME}), so
 * instances whose clocks differ still share them, and a refusal's {@code retryAt} or
 * reset is on that clock too. Keys expire after the longest window, a cap's at the end of
 * its period. Needs Redis 5 or later.
 */
public class RedisSendLimitStore implements SendLimitStore {

	static final String ACQUIRE_SCRIPT = "io/github/juhesms/redis/send-limit-acquire.lua";

	static final String RELEASE_SCRIPT = "io/github/juhesms/redis/send-limit-release.lua";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = RedisScript.of(new ClassPathResource(ACQUIRE_SCRIPT), List.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of(new ClassPathResource(RELEASE_SCRIPT), Long.class);

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
	public Acquisition acquire(String key, String permitId, List<SendLimitRule> rules, List<SpendCapCharge> charges) {
		List<String> keys = new ArrayList<>();
		keys.add(this.keyPrefix + key);
		List<String> args = new ArrayList<>();
		args.add(permitId);
		args.add(Long.toString(SendLimitRule.longestWindow(rules, Duration.ofMillis(1)).toMillis()));
		args.add(Integer.toString(rules.size()));
		for (SendLimitRule rule : rules) {
			args.add(Integer.toString(rule.count()));
			args.add(Long.toString(rule.window().toMillis()));
		}
		for (SpendCapCharge charge : charges) {
			keys.add(this.keyPrefix + charge.cap().key());
			// h, d or m
			args.add(charge.cap().window().tagValue().substring(0, 1));
			args.add(Long.toString(charge.cap().limit()));
			args.add(Integer.toString(charge.units()));
		}
		List<?> answer = this.redis.execute(ACQUIRE, keys, args.toArray());
		if (answer == null || answer.isEmpty()) {
			throw new IllegalStateException("Redis answered nothing to the send-limit script");
		}
		long outcome = number(answer, 0);
		if (outcome == 0) {
			return new Acquisition(refusal(answer, rules), null, List.of());
		}
		int first = (outcome == 2) ? 2 : 1;
		List<CapBalance> balances = new ArrayList<>();
		for (int i = first; i + 2 < answer.size(); i += 3) {
			balances.add(new CapBalance(Instant.ofEpochMilli(number(answer, i)), number(answer, i + 1),
					Instant.ofEpochMilli(number(answer, i + 2))));
		}
		if (outcome == 1) {
			return new Acquisition(null, null, balances);
		}
		int index = (int) number(answer, 1) - 1;
		CapBalance refusing = balances.get(index);
		return new Acquisition(null, new CapRefusal(index, refusing.used(), refusing.resetsAt()), balances);
	}

	private static Refusal refusal(List<?> answer, List<SendLimitRule> rules) {
		int count = (int) number(answer, 1);
		Duration window = Duration.ofMillis(number(answer, 2));
		SendLimitRule rule = rules.stream()
			.filter((candidate) -> candidate.count() == count && candidate.window().equals(window))
			.findFirst()
			.orElseGet(() -> new SendLimitRule(count, window));
		return new Refusal(rule, Instant.ofEpochMilli(number(answer, 3)));
	}

	private static long number(List<?> answer, int index) {
		return ((Number) answer.get(index)).longValue();
	}

	@Override
	public void release(String key, String permitId, List<SendAdmission.Spent> spent) {
		if (spent.isEmpty()) {
			this.redis.opsForZSet().remove(this.keyPrefix + key, permitId);
			return;
		}
		List<String> keys = new ArrayList<>();
		keys.add(this.keyPrefix + key);
		List<String> args = new ArrayList<>();
		args.add(permitId);
		for (SendAdmission.Spent units : spent) {
			keys.add(this.keyPrefix + units.capKey());
			args.add(Long.toString(units.periodStart().toEpochMilli()));
			args.add(Integer.toString(units.units()));
		}
		this.redis.execute(RELEASE, keys, args.toArray());
	}

}

package io.github.juhesms.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.store.ClaimingSendLimitStore;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SpendCapCharge;
import io.github.juhesms.store.StoredSend;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Counts sends in Redis: one sorted set of send times per key and one hash per spend cap
 * (its period's start and the units used), checked and added to by one Lua script per
 * chunk of at most {@value #CHUNK} numbers, so instances sharing the Redis cannot both
 * take the last permit or the last units of a cap, and a 10,000-number batch costs ten
 * round trips, with caps or without. With the {@link RedisIdempotencyStore} of the same
 * Redis and prefix, the script also claims a send's idempotency key, so a keyed send
 * claims and takes its permits in one round trip. The windows and the caps' calendar
 * periods are on the Redis server's clock (its {@code TIME}), so instances whose clocks
 * differ still share them, and a refusal's {@code retryAt} or reset is on that clock too.
 * Keys expire after the longest window, a cap's at the end of its period. On Redis
 * Cluster every key of one script must be in one hash slot: the key prefix needs a hash
 * tag, e.g. {@code {juhe:sms}:}. Needs Redis 5 or later.
 */
public class RedisSendLimitStore implements ClaimingSendLimitStore {

	/** The most numbers one script call checks and records. */
	public static final int CHUNK = 1000;

	static final String ACQUIRE_SCRIPT = "io/github/juhesms/redis/send-limit-acquire.lua";

	static final String RELEASE_SCRIPT = "io/github/juhesms/redis/send-limit-release.lua";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> ACQUIRE = RedisScript.of(new ClassPathResource(ACQUIRE_SCRIPT), List.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of(new ClassPathResource(RELEASE_SCRIPT), Long.class);

	// Forgets a claim only if it is still this send's, not another's stored since.
	private static final RedisScript<Long> FORGET_CLAIM = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

	private final StringRedisTemplate redis;

	private final String prefix;

	private final String keyPrefix;

	/**
	 * Create a store.
	 * @param redis the Redis template
	 * @param keyPrefix the prefix of every key, e.g. {@code juhe:sms:}
	 */
	public RedisSendLimitStore(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.prefix = keyPrefix;
		this.keyPrefix = keyPrefix + "limit:";
	}

	@Override
	public Acquisition acquire(String key, String permitId, List<SendLimitRule> rules, List<SpendCapCharge> charges) {
		return acquireAll(List.of(key), List.of(permitId), rules, charges).get(0);
	}

	@Override
	public List<Acquisition> acquireAll(List<String> keys, List<String> permitIds, List<SendLimitRule> rules,
			List<SpendCapCharge> charges) {
		List<Acquisition> acquisitions = new ArrayList<>(keys.size());
		acquireFrom(0, keys, permitIds, rules, charges, acquisitions);
		return acquisitions;
	}

	// Acquires the keys from the given index on, a chunk per script call, until a cap
	// refuses one.
	private void acquireFrom(int from, List<String> keys, List<String> permitIds, List<SendLimitRule> rules,
			List<SpendCapCharge> charges, List<Acquisition> acquisitions) {
		for (int start = from; start < keys.size(); start += CHUNK) {
			int end = Math.min(keys.size(), start + CHUNK);
			List<?> answer = run(List.of(), List.of("admit"), keys.subList(start, end), permitIds.subList(start, end),
					rules, charges);
			if (decode(answer, rules, charges, acquisitions)) {
				return;
			}
		}
	}

	@Override
	public boolean claimsFor(IdempotencyStore idempotency) {
		return idempotency instanceof RedisIdempotencyStore store && store.keeps(this.redis, this.prefix);
	}

	@Override
	public Claimed claimAndAcquireAll(String idempotencyKey, StoredSend claim, Duration window, List<String> keys,
			List<String> permitIds, List<SendLimitRule> rules, List<SpendCapCharge> charges) {
		String redisKey = RedisIdempotencyStore.redisKey(this.prefix, idempotencyKey);
		String written = RedisIdempotencyStore.write(claim);
		int end = Math.min(keys.size(), CHUNK);
		List<?> answer;
		try {
			answer = run(List.of(redisKey), List.of("claim", written, Long.toString(window.toMillis())),
					keys.subList(0, end), permitIds.subList(0, end), rules, charges);
		}
		catch (RuntimeException ex) {
			// The script may have run and its answer been lost: a claim of this send's
			// would keep a repeat waiting for a send that is not made.
			forget(redisKey, written, ex);
			throw ex;
		}
		if (!answer.isEmpty() && number(answer, 0) == -1) {
			return new Claimed(RedisIdempotencyStore.read((String) answer.get(1)), List.of());
		}
		List<Acquisition> acquisitions = new ArrayList<>(keys.size());
		try {
			if (!decode(answer, rules, charges, acquisitions)) {
				acquireFrom(end, keys, permitIds, rules, charges, acquisitions);
			}
		}
		catch (RuntimeException ex) {
			releaseAll(permits(keys, permitIds, charges, acquisitions));
			forget(redisKey, written, ex);
			throw ex;
		}
		return new Claimed(null, acquisitions);
	}

	private void forget(String redisKey, String claim, RuntimeException failure) {
		try {
			this.redis.execute(FORGET_CLAIM, List.of(redisKey), claim);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	// The permits the admitted keys took, to give back.
	private static List<SendAdmission.Permit> permits(List<String> keys, List<String> permitIds,
			List<SpendCapCharge> charges, List<Acquisition> acquisitions) {
		List<SendAdmission.Permit> permits = new ArrayList<>();
		for (int i = 0; i < acquisitions.size(); i++) {
			Acquisition acquisition = acquisitions.get(i);
			if (acquisition.isAdmitted()) {
				List<SendAdmission.Spent> spent = new ArrayList<>(charges.size());
				for (int c = 0; c < charges.size(); c++) {
					spent.add(new SendAdmission.Spent(charges.get(c).cap().key(),
							acquisition.balances().get(c).periodStart(), charges.get(c).units()));
				}
				permits.add(new SendAdmission.Permit(keys.get(i), permitIds.get(i), spent));
			}
		}
		return permits;
	}

	private List<?> run(List<String> leadingKeys, List<String> leadingArgs, List<String> keys, List<String> permitIds,
			List<SendLimitRule> rules, List<SpendCapCharge> charges) {
		List<String> redisKeys = new ArrayList<>(leadingKeys.size() + keys.size() + charges.size());
		redisKeys.addAll(leadingKeys);
		for (String key : keys) {
			redisKeys.add(this.keyPrefix + key);
		}
		List<String> args = new ArrayList<>(leadingArgs);
		args.add(Integer.toString(keys.size()));
		args.add(Long.toString(SendLimitRule.longestWindow(rules, Duration.ofMillis(1)).toMillis()));
		args.add(Integer.toString(rules.size()));
		for (SendLimitRule rule : rules) {
			args.add(Integer.toString(rule.count()));
			args.add(Long.toString(rule.window().toMillis()));
		}
		for (SpendCapCharge charge : charges) {
			redisKeys.add(this.keyPrefix + charge.cap().key());
			// h, d or m
			args.add(charge.cap().window().tagValue().substring(0, 1));
			args.add(Long.toString(charge.cap().limit()));
			args.add(Integer.toString(charge.units()));
		}
		args.addAll(permitIds);
		List<?> answer = this.redis.execute(ACQUIRE, redisKeys, args.toArray());
		if (answer == null || (answer.isEmpty() && !keys.isEmpty())) {
			throw new IllegalStateException("Redis answered nothing to the send-limit script");
		}
		return answer;
	}

	// Adds the outcome of each key the script checked; whether a cap refused one.
	private static boolean decode(List<?> answer, List<SendLimitRule> rules, List<SpendCapCharge> charges,
			List<Acquisition> acquisitions) {
		int caps = charges.size();
		Instant[] starts = new Instant[caps];
		Instant[] resets = new Instant[caps];
		long[] used = new long[caps];
		for (int c = 0; c < caps; c++) {
			starts[c] = Instant.ofEpochMilli(number(answer, c * 3));
			used[c] = number(answer, c * 3 + 1);
			resets[c] = Instant.ofEpochMilli(number(answer, c * 3 + 2));
		}
		int i = caps * 3;
		while (i < answer.size()) {
			long outcome = number(answer, i);
			if (outcome == 1) {
				for (int c = 0; c < caps; c++) {
					used[c] += charges.get(c).units();
				}
				acquisitions.add(new Acquisition(null, null, balances(starts, used, resets)));
				i++;
			}
			else if (outcome == 0) {
				acquisitions.add(new Acquisition(refusal(answer, i, rules), null, List.of()));
				i += 4;
			}
			else {
				int index = (int) number(answer, i + 1) - 1;
				acquisitions.add(new Acquisition(null, new CapRefusal(index, used[index], resets[index]),
						balances(starts, used, resets)));
				return true;
			}
		}
		return false;
	}

	private static List<CapBalance> balances(Instant[] starts, long[] used, Instant[] resets) {
		if (starts.length == 0) {
			return List.of();
		}
		List<CapBalance> balances = new ArrayList<>(starts.length);
		for (int c = 0; c < starts.length; c++) {
			balances.add(new CapBalance(starts[c], used[c], resets[c]));
		}
		return balances;
	}

	private static Refusal refusal(List<?> answer, int at, List<SendLimitRule> rules) {
		int count = (int) number(answer, at + 1);
		Duration window = Duration.ofMillis(number(answer, at + 2));
		SendLimitRule rule = null;
		for (SendLimitRule candidate : rules) {
			if (candidate.count() == count && candidate.window().equals(window)) {
				rule = candidate;
				break;
			}
		}
		return new Refusal((rule != null) ? rule : new SendLimitRule(count, window),
				Instant.ofEpochMilli(number(answer, at + 3)));
	}

	private static long number(List<?> answer, int index) {
		return ((Number) answer.get(index)).longValue();
	}

	@Override
	public void release(String key, String permitId, List<SendAdmission.Spent> spent) {
		releaseAll(List.of(new SendAdmission.Permit(key, permitId, spent)));
	}

	@Override
	public void releaseAll(List<SendAdmission.Permit> permits) {
		for (int start = 0; start < permits.size(); start += CHUNK) {
			List<SendAdmission.Permit> chunk = permits.subList(start, Math.min(permits.size(), start + CHUNK));
			List<String> keys = new ArrayList<>(chunk.size());
			List<String> args = new ArrayList<>(chunk.size() + 1);
			args.add(Integer.toString(chunk.size()));
			// The units of the chunk's permits, summed per cap and period.
			Map<SendAdmission.Spent, Long> spent = new LinkedHashMap<>();
			for (SendAdmission.Permit permit : chunk) {
				keys.add(this.keyPrefix + permit.key());
				args.add(permit.id());
				for (SendAdmission.Spent units : permit.spent()) {
					spent.merge(new SendAdmission.Spent(units.capKey(), units.periodStart(), 0), (long) units.units(),
							Long::sum);
				}
			}
			for (Map.Entry<SendAdmission.Spent, Long> units : spent.entrySet()) {
				keys.add(this.keyPrefix + units.getKey().capKey());
				args.add(Long.toString(units.getKey().periodStart().toEpochMilli()));
				args.add(Long.toString(units.getValue()));
			}
			this.redis.execute(RELEASE, keys, args.toArray());
		}
	}

}

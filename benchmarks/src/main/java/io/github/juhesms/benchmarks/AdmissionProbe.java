package io.github.juhesms.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.guard.SlidingWindowSendLimiter;
import io.github.juhesms.redis.RedisSendLimitStore;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.SpendCapCharge;
import io.github.juhesms.store.StoreDigest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What admission costs a send. {@code <rounds> <round ms>}: starts a redis-server of its
 * own on a loopback port, then admits fresh numbers under the carriers' four rules
 * through the limiter, one thread, in memory and on Redis, one number per call and in
 * batches of 100, 1,000 and 10,000, and batches of 10,000 on Redis one script call per
 * number as before batching: each way for one round in turn, after a warm-up round of
 * each, and the median of each way's rounds; then counts the round trips of an SMS API
 * send without and with an idempotency key and of a 10,000-number Financial send through
 * the starter's beans on the in-memory transport (Redis's slow log, told to log every
 * command, names a command a script ran by the client {@code ?:0}). Prints
 * {@code <memory 1> <memory 100> <memory 1000> <memory 10000> <redis per number 10000>
 * <redis 1> <redis 100> <redis 1000> <redis 10000>} admissions per second, then
 * {@code <unkeyed> <keyed before the request> <keyed in all> <10,000-number batch>} round
 * trips.
 */
public final class AdmissionProbe {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.FINANCIAL, "send", "/send.php");

	private static final List<SendLimitRule> RULES = List.of(new SendLimitRule(1, Duration.ofMinutes(1)),
			new SendLimitRule(3, Duration.ofMinutes(10)), new SendLimitRule(4, Duration.ofHours(1)),
			new SendLimitRule(20, Duration.ofDays(1)));

	private static final int[] BATCHES = { 1, 100, 1000, 10000 };

	private static long next = 13_000_000_000L;

	private AdmissionProbe() {
	}

	/**
	 * Measure.
	 * @param args the rounds and the milliseconds of a round
	 * @throws Exception if the server or a send fails
	 */
	public static void main(String[] args) throws Exception {
		int rounds = Integer.parseInt(args[0]);
		long millis = Long.parseLong(args[1]);
		int port = freePort();
		RedisServer server = RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.onShutdownForceStop(true)
			.build();
		server.start();
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port));
		factory.afterPropertiesSet();
		factory.start();
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			StringRedisTemplate template = new StringRedisTemplate(factory);
			template.afterPropertiesSet();
			StoreDigest digest = StoreDigest.of("admission-probe-secret-0123456789");
			SendLimiter memory = new SlidingWindowSendLimiter(
					new InMemorySendLimitStore(3_000_000, Duration.ofDays(1), Clock.systemUTC()), RULES, false, digest);
			RedisSendLimitStore store = new RedisSendLimitStore(template, "probe:");
			SendLimiter onRedis = new SlidingWindowSendLimiter(store, RULES, false, digest);
			SendLimiter perNumber = new SlidingWindowSendLimiter(new PerNumber(store), RULES, false, digest);
			// Rounds of every way in turn, so that a busy stretch of the shared machine
			// slows all of them alike; the median of each way's rounds.
			List<Way> ways = new ArrayList<>();
			for (int batch : BATCHES) {
				ways.add(new Way(memory, batch, null));
			}
			ways.add(new Way(perNumber, 10000, redis));
			for (int batch : BATCHES) {
				ways.add(new Way(onRedis, batch, redis));
			}
			for (Way way : ways) {
				way.rate(millis);
			}
			List<List<Double>> rates = new ArrayList<>();
			for (int i = 0; i < ways.size(); i++) {
				rates.add(new ArrayList<>());
			}
			for (int round = 0; round < rounds; round++) {
				for (int i = 0; i < ways.size(); i++) {
					rates.get(i).add(ways.get(i).rate(millis));
				}
			}
			List<String> figures = new ArrayList<>();
			for (List<Double> way : rates) {
				figures.add(String.format(Locale.ROOT, "%.0f", Statistics.median(way)));
			}
			figures.addAll(roundTrips(port, redis));
			System.out.println(String.join(" ", figures));
		}
		finally {
			client.shutdown();
			factory.destroy();
			server.stop();
		}
		System.exit(0);
	}

	// A limiter admitting fresh numbers in batches of one size; Redis is emptied after
	// each round, so no round inherits another's keys.
	private record Way(SendLimiter limiter, int batch, @Nullable RedisCommands<String, String> redis) {

		// Admissions per second over the given milliseconds.
		double rate(long millis) {
			long start = System.nanoTime();
			long admitted = admit(this.limiter, this.batch, millis);
			double seconds = (System.nanoTime() - start) / 1e9;
			if (this.redis != null) {
				this.redis.flushall();
			}
			return admitted / seconds;
		}

	}

	private static long admit(SendLimiter limiter, int batch, long millis) {
		long until = System.nanoTime() + millis * 1_000_000;
		long admitted = 0;
		while (System.nanoTime() < until) {
			List<String> mobiles = new ArrayList<>(batch);
			for (int i = 0; i < batch; i++) {
				mobiles.add(Long.toString(next++));
			}
			SendAdmission admission = limiter.admit(SEND, "default", mobiles, null, 1, null);
			if (!admission.refused().isEmpty()) {
				throw new IllegalStateException("a fresh number was refused");
			}
			admitted += admission.admitted().size();
		}
		return admitted;
	}

	// The round trips of an unkeyed SMS API send, a keyed one (before the request and in
	// all) and a 10,000-number Financial send, through the starter's beans.
	private static List<String> roundTrips(int port, RedisCommands<String, String> redis) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class,
				InMemoryJuhe.Transport.class, Redis.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "juhe.sms.key=" + SendClient.KEY,
					"juhe.sms.store=redis", "juhe.sms.store-secret=admission-probe-secret-0123456789",
					"juhe.sms.financial.template-check.enabled=false", "juhe.sms.probe.redis-port=" + port);
		try (ConfigurableApplicationContext context = builder.run()) {
			SmsApiClient sms = context.getBean(SmsApiClient.class);
			FinancialSmsClient financial = context.getBean(FinancialSmsClient.class);
			// Load the scripts first.
			sms.send(SmsApiRequest.of("13900000000", 12, Map.of("code", "1")), SendOptions.idempotencyKey("warm"));
			List<String> unkeyed = commands(redis,
					() -> sms.send(SmsApiRequest.of("13900000001", 12, Map.of("code", "1"))));
			List<String> keyed = commands(redis, () -> sms
				.send(SmsApiRequest.of("13900000002", 12, Map.of("code", "1")), SendOptions.idempotencyKey("probe")));
			List<String> mobiles = new ArrayList<>();
			for (int i = 0; i < 10000; i++) {
				mobiles.add(Long.toString(13_800_000_000L + i));
			}
			List<String> batch = commands(redis, () -> financial.send(FinancialSmsRequest.of(mobiles, 12)));
			// The keyed send's last command writes its outcome, after the answer.
			return List.of(Integer.toString(unkeyed.size()), Integer.toString(keyed.size() - 1),
					Integer.toString(keyed.size()), Integer.toString(batch.size()));
		}
	}

	// The commands clients sent while the sends ran, in order.
	private static List<String> commands(RedisCommands<String, String> redis, Runnable sends) {
		redis.configSet("slowlog-log-slower-than", "0");
		redis.configSet("slowlog-max-len", "100000");
		redis.slowlogReset();
		sends.run();
		List<Object> log = redis.slowlogGet(100000);
		redis.configSet("slowlog-log-slower-than", "10000");
		List<String> commands = new ArrayList<>();
		for (Object logged : log) {
			List<?> entry = (List<?>) logged;
			String command = String.valueOf(((List<?>) entry.get(3)).get(0)).toUpperCase(Locale.ROOT);
			if (!"?:0".equals(entry.get(4)) && !command.equals("SLOWLOG") && !command.equals("CONFIG")) {
				commands.add(0, command);
			}
		}
		return commands;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The Redis connection of the round-trip application, to the probe's server.
	 */
	static class Redis {

		@Bean
		LettuceConnectionFactory probeRedis(org.springframework.core.env.Environment environment) {
			return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1",
					environment.getRequiredProperty("juhe.sms.probe.redis-port", Integer.class)));
		}

	}

	// The Redis store as before batching: one script call per number.
	private record PerNumber(SendLimitStore store) implements SendLimitStore {

		@Override
		public Acquisition acquire(String key, String permitId, List<SendLimitRule> rules,
				List<SpendCapCharge> charges) {
			return this.store.acquire(key, permitId, rules, charges);
		}

		@Override
		public void release(String key, String permitId, List<SendAdmission.Spent> spent) {
			this.store.release(key, permitId, spent);
		}

	}

}

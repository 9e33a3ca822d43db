package io.github.juhesms.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsIdempotencyKeyReusedException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.StoredSend;
import io.github.juhesms.test.Concurrently;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batched admission on a real redis-server, as two application contexts share it: a
 * batch's numbers are checked and recorded in one script call per chunk of 1,000, a keyed
 * send claims its key in the same call that takes its permits, and the round trips are
 * counted from the server's own {@code INFO commandstats}.
 */
class RedisBatchAdmissionTests extends JuheWireMockTests {

	private static final String FINANCIAL = "/shortLetter/send.php";

	private static final String SMS_API = "/sms/send";

	private final String prefix = "batch-" + UUID.randomUUID() + ":";

	private ApplicationContextRunner instance(String... properties) {
		return contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix,
					"juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=1",
					"juhe.sms.limits.rules[0].window=1h")
			.withPropertyValues(properties);
	}

	private static List<String> numbers(int from, int count) {
		List<String> numbers = new ArrayList<>(count);
		for (int i = from; i < from + count; i++) {
			numbers.add(String.format("1380%07d", i));
		}
		return numbers;
	}

	@Test
	void aBatchLeavesOutExactlyTheNumbersTheOtherInstanceSentToAndAdmitsTheRestOnce() {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":1}"));
		instance().run((first) -> instance().run((second) -> {
			List<String> batch = numbers(0, 2500);
			// The other instance sent to every seventh number already.
			Set<String> sentBefore = new HashSet<>();
			for (int i = 0; i < batch.size(); i += 7) {
				sentBefore.add(batch.get(i));
			}
			second.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(new ArrayList<>(sentBefore), 12));
			FinancialSmsResult sent = first.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(batch, 12));
			assertThat(sent.limited()).extracting(SendLimitRefusal::mobile)
				.containsExactlyInAnyOrderElementsOf(sentBefore);
			assertThat(sent.limited()).allSatisfy((refusal) -> {
				assertThat(refusal.rule().count()).isEqualTo(1);
				assertThat(refusal.source()).isEqualTo("juhe.sms.limits.rules");
				assertThat(refusal.retryAt()).isAfter(TestRedis.time(first.getBean(StringRedisTemplate.class)));
			});
			List<String> admitted = mobiles(requestsTo(FINANCIAL).get(1));
			assertThat(admitted).hasSize(batch.size() - sentBefore.size()).doesNotContainAnyElementsOf(sentBefore);
			// Every number has had its one send: a repeat through either instance sends
			// none.
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> second.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(batch, 12)))
				.satisfies((ex) -> assertThat(ex.getRefusals()).hasSize(batch.size()));
			assertThat(requestsTo(FINANCIAL)).hasSize(2);
		}));
	}

	@Test
	void concurrentBatchesOverlappingInNumbersAdmitEachNumberExactlyWithinItsRules() throws Exception {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":1}"));
		String twoAnHour = "juhe.sms.limits.rules[0].count=2";
		instance(twoAnHour).run((first) -> instance(twoAnHour).run((second) -> {
			// 12 batches of 500 from 1,000 numbers: each number is in 6 of them.
			List<Object> outcomes = Concurrently.run(12, (i) -> {
				List<String> batch = new ArrayList<>();
				for (int n = 0; n < 500; n++) {
					batch.add(numbers((i * 250 + n) % 1000, 1).get(0));
				}
				FinancialSmsClient client = ((i % 2 == 0) ? first : second).getBean(FinancialSmsClient.class);
				try {
					return client.send(FinancialSmsRequest.of(batch, 12));
				}
				catch (JuheSmsSendLimitException ex) {
					return ex;
				}
			});
			Map<String, Integer> sends = new HashMap<>();
			for (LoggedRequest request : requestsTo(FINANCIAL)) {
				mobiles(request).forEach((mobile) -> sends.merge(mobile, 1, Integer::sum));
			}
			assertThat(sends).hasSize(1000).allSatisfy((mobile, count) -> assertThat(count).isEqualTo(2));
			int limited = 0;
			for (Object outcome : outcomes) {
				limited += (outcome instanceof FinancialSmsResult result) ? result.limited().size()
						: ((JuheSmsSendLimitException) outcome).getRefusals().size();
			}
			assertThat(limited).isEqualTo(12 * 500 - 2000);
		}));
	}

	@Test
	void aBatchOverSeveralChunksTheCapCannotTakeWholeIsRefusedWholeAndGivesEveryUnitBack() {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":1}"));
		String cap = "juhe.sms.financial.spend-caps.daily=2400";
		instance(cap).run((first) -> instance(cap).run((second) -> {
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(
					() -> first.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(numbers(0, 2500), 12)))
				.satisfies((ex) -> assertThat(ex.getUsed()).isEqualTo(2400));
			assertThat(requestsTo(FINANCIAL)).isEmpty();
			// Every permit and unit came back: the other instance sends 2,400 of them.
			second.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(numbers(0, 2400), 12));
			assertThat(mobiles(requestsTo(FINANCIAL).get(0))).hasSize(2400);
		}));
	}

	@Test
	void aTenThousandNumberBatchMakesTenScriptCalls() {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":1}"));
		instance().run((context) -> {
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			// The first call loads the script.
			client.send(FinancialSmsRequest.of(numbers(20000, 1), 12));
			resetStats(redis);
			List<String> roundTrips = roundTrips(() -> client.send(FinancialSmsRequest.of(numbers(0, 10000), 12)));
			assertThat(roundTrips).hasSize(10).containsOnly("EVALSHA");
			// Ten script calls (INFO commandstats), each checking and recording 1,000
			// numbers.
			assertThat(calls(redis)).containsEntry("evalsha", 10L)
				.containsEntry("time", 10L)
				.containsEntry("zadd", 10000L);
			assertThat(mobiles(requestsTo(FINANCIAL).get(1))).hasSize(10000);
		});
	}

	@Test
	void aKeyedSendClaimsAndTakesItsPermitInOneRoundTripAndAnUnkeyedOneTakesOne() {
		answer(SMS_API, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		instance().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(SmsApiRequest.of("13900000000", 12, Map.of("code", "1")), SendOptions.idempotencyKey("warm"));
			assertThat(roundTrips(() -> client.send(SmsApiRequest.of("13900000001", 12, Map.of("code", "1")))))
				.containsExactly("EVALSHA");
			// Before the request, the claim and the permit in one script call; after the
			// answer, the outcome, kept for a repeat.
			SmsApiRequest keyed = SmsApiRequest.of("13900000002", 12, Map.of("code", "1"));
			assertThat(roundTrips(() -> client.send(keyed, SendOptions.idempotencyKey("k-1"))))
				.containsExactly("EVALSHA", "SET");
			// A replay: one script call that finds the key and takes nothing.
			assertThat(roundTrips(() -> client.send(keyed, SendOptions.idempotencyKey("k-1"))))
				.containsExactly("EVALSHA");
			assertThat(requestsTo(SMS_API)).hasSize(3);
		});
	}

	@Test
	void aKeyedFinancialSendClaimsAndTakesItsNumbersPermitsInOneRoundTrip() {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":10}"));
		instance().run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			// The first call loads the script.
			client.send(FinancialSmsRequest.of(numbers(30000, 1), 12), SendOptions.idempotencyKey("warm"));
			FinancialSmsRequest batch = FinancialSmsRequest.of(numbers(30010, 10), 12);
			SendOptions key = SendOptions.idempotencyKey("f-1");
			// Before the request, the claim and the ten numbers' permits in one script
			// call; after the answer, the outcome, kept for a repeat.
			assertThat(roundTrips(() -> client.send(batch, key))).containsExactly("EVALSHA", "SET");
			assertThat(mobiles(requestsTo(FINANCIAL).get(1))).containsExactlyElementsOf(batch.mobiles());
			// A replay: one script call that finds the key and takes nothing.
			FinancialSmsResult[] replay = new FinancialSmsResult[1];
			assertThat(roundTrips(() -> replay[0] = client.send(batch, key))).containsExactly("EVALSHA");
			assertThat(replay[0].sid()).isEqualTo("s");
			assertThat(requestsTo(FINANCIAL)).hasSize(2);
		});
	}

	@Test
	void aKeyedFinancialSendLeavesOutTheNumbersOverTheirLimitInThatOneRoundTrip() {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":7}"));
		instance().run((first) -> instance().run((second) -> {
			List<String> batch = numbers(30100, 10);
			// The other instance sent to three of them this hour.
			second.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(batch.subList(0, 3), 12));
			FinancialSmsClient client = first.getBean(FinancialSmsClient.class);
			// Connects this instance.
			client.send(FinancialSmsRequest.of(numbers(30099, 1), 12), SendOptions.idempotencyKey("warm"));
			FinancialSmsResult[] sent = new FinancialSmsResult[1];
			assertThat(roundTrips(
					() -> sent[0] = client.send(FinancialSmsRequest.of(batch, 12), SendOptions.idempotencyKey("f-2"))))
				.containsExactly("EVALSHA", "SET");
			assertThat(sent[0].limited()).extracting(SendLimitRefusal::mobile)
				.containsExactlyElementsOf(batch.subList(0, 3));
			assertThat(sent[0].limited()).allSatisfy((refusal) -> assertThat(refusal.retryAt())
				.isAfter(TestRedis.time(first.getBean(StringRedisTemplate.class))));
			assertThat(lastMobiles()).containsExactlyElementsOf(batch.subList(3, 10));
		}));
	}

	@Test
	void aKeyedFinancialSendWithAnIdempotencyStoreOfTheApplicationsOwnClaimsApartAndKeepsItsSemantics() {
		answer(FINANCIAL, success("{\"sid\":\"s\",\"fee\":7}"));
		instance().withUserConfiguration(OwnIdempotencyStoreConfiguration.class).run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			List<String> batch = numbers(30200, 10);
			// Connects both stores, and three of the numbers have their send of the hour.
			client.send(FinancialSmsRequest.of(numbers(30199, 1), 12), SendOptions.idempotencyKey("warm"));
			client.send(FinancialSmsRequest.of(batch.subList(0, 3), 12));
			SendOptions key = SendOptions.idempotencyKey("f-3");
			FinancialSmsResult[] sent = new FinancialSmsResult[1];
			// The store of limits cannot claim the application's keys: the claim (SET
			// NX), then the numbers, as SendLimiter.claimAndAdmit does by default.
			assertThat(roundTrips(() -> sent[0] = client.send(FinancialSmsRequest.of(batch, 12), key)))
				.containsExactly("SET", "EVALSHA", "SET");
			assertThat(sent[0].limited()).extracting(SendLimitRefusal::mobile)
				.containsExactlyElementsOf(batch.subList(0, 3));
			assertThat(lastMobiles()).containsExactlyElementsOf(batch.subList(3, 10));
			// A replay looks the key up and takes nothing.
			assertThat(roundTrips(
					() -> assertThat(client.send(FinancialSmsRequest.of(batch, 12), key).sid()).isEqualTo("s")))
				.containsExactly("SET", "GET");
			assertThat(requestsTo(FINANCIAL)).hasSize(3);
		});
	}

	@Test
	void aKeyedSendOnRedisKeepsEverySemanticOfTheKeyInOneScript() {
		answerInTurn(SMS_API, failure(205401), success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		instance().run((first) -> instance().run((second) -> {
			SmsApiRequest request = SmsApiRequest.of("13900000010", 12, Map.of("code", "1"));
			SmsApiClient one = first.getBean(SmsApiClient.class);
			SmsApiClient other = second.getBean(SmsApiClient.class);
			// A send that surely did not go out gives key and permit back.
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> one.send(request, SendOptions.idempotencyKey("order-1")));
			assertThat(other.send(request, SendOptions.idempotencyKey("order-1")).sid()).isEqualTo("s");
			// Replayed on either instance, refused with another request.
			assertThat(one.send(request, SendOptions.idempotencyKey("order-1")).sid()).isEqualTo("s");
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class).isThrownBy(() -> one
				.send(SmsApiRequest.of("13900000011", 12, Map.of("code", "1")), SendOptions.idempotencyKey("order-1")));
			assertThat(requestsTo(SMS_API)).hasSize(2);
			// A key refused by the number's limit is given back with its permit.
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> other.send(request, SendOptions.idempotencyKey("order-2")));
			assertThat(first.getBean(StringRedisTemplate.class).keys(this.prefix + "idempotency:*")).hasSize(1);
		}));
	}

	@Test
	void aKeyedSendOfUnknownOutcomeIsRefusedOnTheOtherInstance() {
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock
			.post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(SMS_API))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
		instance().run((first) -> instance().run((second) -> {
			SmsApiRequest request = SmsApiRequest.of("13900000020", 12, Map.of("code", "1"));
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> first.getBean(SmsApiClient.class).send(request, SendOptions.idempotencyKey("u")));
			assertThatExceptionOfType(JuheSmsDuplicateSendException.class)
				.isThrownBy(() -> second.getBean(SmsApiClient.class).send(request, SendOptions.idempotencyKey("u")));
			assertThat(requestsTo(SMS_API)).hasSize(1);
		}));
	}

	@Test
	void aClaimWhoseAnswerIsLostIsForgottenAndAnotherSendsClaimIsKept() {
		contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + TestRedis.url())
			.run((context) -> {
				StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
				List<SendLimitRule> rules = List.of(new SendLimitRule(1, Duration.ofHours(1)));
				StoredSend claim = StoredSend.inFlight(Instant.now(), "f");
				// The script runs, its answer is lost: the claim it stored is forgotten.
				RedisSendLimitStore lost = new RedisSendLimitStore(new FailingOnce(redis, true), this.prefix);
				assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> lost.claimAndAcquireAll("k1",
						claim, Duration.ofHours(1), List.of("n1"), List.of("p1"), rules, List.of()));
				assertThat(redis.hasKey(this.prefix + "idempotency:k1")).isFalse();
				// The call fails before the script runs, while another send holds the
				// key.
				redis.opsForValue().set(this.prefix + "idempotency:k2", "another's");
				RedisSendLimitStore failed = new RedisSendLimitStore(new FailingOnce(redis, false), this.prefix);
				assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> failed.claimAndAcquireAll("k2",
						claim, Duration.ofHours(1), List.of("n2"), List.of("p2"), rules, List.of()));
				assertThat(redis.opsForValue().get(this.prefix + "idempotency:k2")).isEqualTo("another's");
			});
	}

	@Test
	void sendsPastTheLongestWindowAreDroppedFromTheNumbersKey() {
		contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + TestRedis.url())
			.run((context) -> {
				StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
				RedisSendLimitStore store = new RedisSendLimitStore(redis, this.prefix);
				List<SendLimitRule> rules = List.of(new SendLimitRule(3, Duration.ofMillis(300)));
				assertThat(store.tryAcquire("n", "p1", rules)).isNull();
				Thread.sleep(150);
				assertThat(store.tryAcquire("n", "p2", rules)).isNull();
				Thread.sleep(200);
				// The key lives on (its expiry moved with the second send); the first
				// send
				// has left the window and the key.
				assertThat(store.tryAcquire("n", "p3", rules)).isNull();
				assertThat(redis.opsForZSet().range(this.prefix + "limit:n", 0, -1)).containsExactly("p2", "p3");
			});
	}

	@Test
	void onARedisClusterThePrefixNeedsAHashTag() {
		ApplicationContextRunner cluster = contextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.cluster.nodes=127.0.0.1:" + TestRedis.freePort());
		for (String prefix : List.of("juhe:sms:", "{}:juhe:sms:")) {
			cluster.withPropertyValues("juhe.sms.redis.key-prefix=" + prefix)
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("juhe.sms.redis.key-prefix")
					.hasMessageContaining("needs a hash tag on a Redis Cluster"));
		}
		cluster.withPropertyValues("juhe.sms.redis.key-prefix={juhe}:sms:")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(RedisSendLimitStore.class));
	}

	/**
	 * The application's own idempotency store, on the starter's Redis and prefix but not
	 * one the store of limits knows.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnIdempotencyStoreConfiguration {

		@Bean
		IdempotencyStore ownIdempotencyStore(StringRedisTemplate redis, Environment environment) {
			IdempotencyStore store = new RedisIdempotencyStore(redis,
					environment.getRequiredProperty("juhe.sms.redis.key-prefix"));
			return new IdempotencyStore() {

				@Override
				public @Nullable StoredSend claim(String key, StoredSend claim, Duration window) {
					return store.claim(key, claim, window);
				}

				@Override
				public void complete(String key, StoredSend outcome, Duration window) {
					store.complete(key, outcome, window);
				}

				@Override
				public void abandon(String key) {
					store.abandon(key);
				}

			};
		}

	}

	// A template whose first script call fails, after running the script or before.
	private static final class FailingOnce extends StringRedisTemplate {

		private final boolean runFirst;

		private boolean failed;

		FailingOnce(StringRedisTemplate redis, boolean runFirst) {
			super(redis.getRequiredConnectionFactory());
			this.runFirst = runFirst;
		}

		@Override
		public <T> T execute(RedisScript<T> script, List<String> keys, Object... args) {
			if (this.failed) {
				return super.execute(script, keys, args);
			}
			this.failed = true;
			if (this.runFirst) {
				super.execute(script, keys, args);
			}
			throw new IllegalStateException("the answer was lost");
		}

	}

	// The commands clients sent while the sends ran, in order: the round trips. Redis's
	// slow log, told to log every command, names a command a script ran by the client
	// "?:0", and the others by the client's address.
	static List<String> roundTrips(Runnable sends) {
		RedisClient client = RedisClient.create(TestRedis.url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			RedisCommands<String, String> redis = connection.sync();
			Map<String, String> before = new HashMap<>(redis.configGet("slowlog-log-slower-than"));
			before.putAll(redis.configGet("slowlog-max-len"));
			redis.configSet("slowlog-log-slower-than", "0");
			redis.configSet("slowlog-max-len", "100000");
			redis.slowlogReset();
			List<Object> log;
			try {
				sends.run();
			}
			finally {
				log = redis.slowlogGet(100000);
				// One parameter a call: Redis before 7 takes no more.
				before.forEach(redis::configSet);
			}
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
		finally {
			client.shutdown();
		}
	}

	private static List<String> lastMobiles() {
		List<LoggedRequest> requests = requestsTo(FINANCIAL);
		return mobiles(requests.get(requests.size() - 1));
	}

	private static List<String> mobiles(LoggedRequest request) {
		return List.of(form(request).get("mobile").split(","));
	}

	private static void resetStats(StringRedisTemplate redis) {
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().resetConfigStats();
			return null;
		});
	}

	// The calls of each command since the last reset, but the reset and these reads.
	static Map<String, Long> calls(StringRedisTemplate redis) {
		Properties info = redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("commandstats"));
		Map<String, Long> calls = new HashMap<>();
		for (String name : info.stringPropertyNames()) {
			String command = name.substring(name.indexOf("cmdstat_") + "cmdstat_".length());
			if (name.contains("cmdstat_") && !command.equals("info") && !command.startsWith("config")) {
				String stats = info.getProperty(name);
				calls.put(command, Long.parseLong(stats.substring("calls=".length(), stats.indexOf(','))));
			}
		}
		return calls;
	}

}

package io.github.juhesms.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;

import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.SpendCapWindow;
import io.github.juhesms.test.Concurrently;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spend caps on a real redis-server: shared exactly by two application contexts, reset at
 * the calendar periods' ends on the server's clock, given back by one script, and checked
 * in the same single script call as the per-number limits.
 */
class RedisSpendCapsTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String SENT = success("{\"count\":1,\"fee\":1,\"sid\":\"s1\"}");

	private final String prefix = "caps-" + UUID.randomUUID() + ":";

	private ApplicationContextRunner instance(String... properties) {
		return contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix)
			.withPropertyValues(properties);
	}

	private static SmsApiRequest to(int number) {
		return SmsApiRequest.of(String.format("138000%05d", number), 12, Map.of("code", "1"));
	}

	@Test
	void aCapHoldsExactlyForTwoInstancesUnderSixteenConcurrentSenders() {
		answer(SEND, SENT);
		String cap = "juhe.sms.sms-api.spend-caps.daily=30";
		instance(cap).run((first) -> instance(cap).run((second) -> {
			List<Object> outcomes = Concurrently.run(100, (i) -> {
				SmsApiClient client = ((i % 2 == 0) ? first : second).getBean(SmsApiClient.class);
				try {
					return client.send(to(i));
				}
				catch (JuheSmsSpendCapException ex) {
					return ex;
				}
			});
			assertThat(outcomes.stream().filter(JuheSmsSpendCapException.class::isInstance)).hasSize(70);
			assertThat(requestsTo(SEND)).hasSize(30);
		}));
	}

	@ParameterizedTest
	@EnumSource(SpendCapWindow.class)
	void aRefusalResetsAtTheEndOfTheCalendarPeriodOnTheServersClock(SpendCapWindow window) {
		answer(SEND, SENT);
		instance("juhe.sms.sms-api.spend-caps." + window.tagValue() + "=1").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(to(1));
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			Instant before = TestRedis.time(redis);
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(2)))
				.satisfies((ex) -> {
					Instant after = TestRedis.time(redis);
					// The script's calendar arithmetic agrees with java.time's.
					assertThat(ex.getResetsAt()).isIn(window.resetsAt(before), window.resetsAt(after));
					assertThat(ex.getCap().window()).isEqualTo(window);
					assertThat(ex.getUsed()).isEqualTo(1);
				});
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void theScriptsCalendarAgreesWithJavaTimeAcrossYearsMonthEndsAndLeapDays() throws Exception {
		// The script's period arithmetic, run by redis-server at chosen instants instead
		// of
		// its TIME.
		String script = new String(
				new ClassPathResource(RedisSendLimitStore.ACQUIRE_SCRIPT).getInputStream().readAllBytes(),
				StandardCharsets.UTF_8);
		String periods = "local now = tonumber(ARGV[2])\n"
				+ script.substring(script.indexOf("local HOUR"), script.indexOf("local rules"))
				+ "local start, reset = period(ARGV[1])\nreturn {start, reset}";
		contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + TestRedis.url())
			.run((context) -> {
				StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
				@SuppressWarnings({ "rawtypes", "unchecked" })
				RedisScript<List<Object>> lua = (RedisScript) RedisScript.of(periods, List.class);
				List<Instant> instants = new ArrayList<>();
				Instant first = Instant.parse("2023-12-31T15:59:59.999Z");
				for (int day = 0; day < 8 * 366; day += 7) {
					instants.add(first.plus(Duration.ofDays(day)));
					instants.add(first.plus(Duration.ofDays(day)).plusMillis(1));
				}
				instants.add(Instant.parse("2028-02-28T16:00:00Z"));
				instants.add(Instant.parse("2028-02-29T15:59:59.999Z"));
				instants.add(Instant.parse("2028-02-29T16:00:00Z"));
				for (Instant now : instants) {
					for (SpendCapWindow window : SpendCapWindow.values()) {
						List<Object> answer = redis.execute(lua, List.of(), window.tagValue().substring(0, 1),
								Long.toString(now.toEpochMilli()));
						assertThat(answer).as(window + " at " + now)
							.containsExactly(window.periodStart(now).toEpochMilli(),
									window.resetsAt(now).toEpochMilli());
					}
				}
			});
	}

	@Test
	void unitsOfASendThatSurelyDidNotGoOutAreGivenBack() {
		answerInTurn(SEND, failure(205401), SENT);
		instance("juhe.sms.limits.enabled=true", "juhe.sms.sms-api.spend-caps.daily=1").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send(to(1)));
			// The number's permit came back with the unit: the same number may be sent
			// to.
			client.send(to(1));
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(2)));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void failOpenStillRefusesOverTheCapWhileRedisIsUp() {
		answer(SEND, SENT);
		instance("juhe.sms.redis.fail-open=true", "juhe.sms.sms-api.spend-caps.hourly=1").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(to(1));
			// A refusal is the store's answer, not its failure: it does not fail open.
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(2)));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void capsAddNoRoundTripToTheLimitersOne() {
		answer(SEND, SENT);
		Load limitsOnly = perSend(instance("juhe.sms.limits.enabled=true"), 0);
		Load limitsAndCaps = perSend(instance("juhe.sms.limits.enabled=true", "juhe.sms.sms-api.spend-caps.hourly=1000",
				"juhe.sms.sms-api.spend-caps.daily=10000", "juhe.sms.sms-api.spend-caps.monthly=100000"), 100);
		Load capsOnly = perSend(instance("juhe.sms.sms-api.spend-caps.daily=1000"), 200);
		// One script call per send, caps or not. The other commands are exactly those the
		// script runs (TIME, one ZRANGE for every rule, ZADD, PEXPIRE; a number without
		// old sends to drop needs no ZREMRANGEBYSCORE), so the client sends nothing else.
		assertThat(limitsOnly).isEqualTo(new Load(1, 4));
		// Each cap adds HMGET, HSET and PEXPIREAT inside the script.
		assertThat(limitsAndCaps).isEqualTo(new Load(1, 4 + 3 * 3));
		// TIME and one cap's three: no sorted set without per-number rules.
		assertThat(capsOnly).isEqualTo(new Load(1, 1 + 3));
	}

	// Commands per send, from INFO commandstats (which counts the commands a script runs
	// too): script calls, and every other command but INFO.
	private static Load perSend(ApplicationContextRunner runner, int firstNumber) {
		Load[] load = new Load[1];
		runner.run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			// The first send loads the script (EVALSHA, then EVAL) and opens connections.
			client.send(to(firstNumber + 99));
			Map<String, Long> before = commands(redis);
			int sends = 50;
			for (int i = 0; i < sends; i++) {
				client.send(to(firstNumber + i));
			}
			Map<String, Long> after = commands(redis);
			long scripts = 0;
			long others = 0;
			for (Map.Entry<String, Long> command : after.entrySet()) {
				long calls = command.getValue() - before.getOrDefault(command.getKey(), 0L);
				if (command.getKey().startsWith("cmdstat_eval")) {
					scripts += calls;
				}
				else if (!command.getKey().equals("cmdstat_info")) {
					others += calls;
				}
			}
			load[0] = new Load(scripts / (double) sends, others / (double) sends);
		});
		return load[0];
	}

	private static Map<String, Long> commands(StringRedisTemplate redis) {
		Properties stats = redis
			.execute((RedisCallback<Properties>) (RedisConnection connection) -> connection.serverCommands()
				.info("commandstats"));
		Map<String, Long> calls = new TreeMap<>();
		for (String name : stats.stringPropertyNames()) {
			String value = stats.getProperty(name);
			calls.put(name, Long.parseLong(value.substring(value.indexOf("calls=") + 6, value.indexOf(','))));
		}
		return calls;
	}

	/**
	 * Commands per send.
	 *
	 * @param scriptCalls EVAL and EVALSHA calls: the round trips
	 * @param otherCommands every other command, those the scripts run included
	 */
	record Load(double scriptCalls, double otherCommands) {

	}

}

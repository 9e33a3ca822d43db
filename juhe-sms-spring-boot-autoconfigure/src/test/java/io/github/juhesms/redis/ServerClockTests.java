package io.github.juhesms.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.codes.SentVerificationCode;
import io.github.juhesms.codes.VerificationCodeSender;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.codes.VerificationCodeSettings;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.guard.SlidingWindowSendLimiter;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiVariablesFormat;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances whose clocks are an hour either side of each other's, sharing one real
 * redis-server: the Redis stores take every time from the server, so a limit and a code
 * hold across them as on one instance, and the times they report are the server's.
 */
class ServerClockTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String MOBILE = "13812345678";

	private static final Duration SKEW = Duration.ofHours(1);

	private static final SendLimitRule ONE_IN_TEN_MINUTES = new SendLimitRule(1, Duration.ofMinutes(10));

	private final String prefix = "clock-" + UUID.randomUUID() + ":";

	private final StoreDigest digest = StoreDigest.of(TestRedis.SECRET);

	@Test
	void oneSendInTenMinutesHoldsAcrossInstancesTwoHoursApart() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		withRedis((redis) -> {
			// The instance behind sends first: with its own clock, the one ahead would
			// find that send two hours old and send again.
			List<SmsApiClient> instances = List.of(smsApi(redis, SKEW.negated()), smsApi(redis, SKEW));
			List<SendLimitRefusal> refusals = new ArrayList<>();
			Instant before = TestRedis.time(redis);
			instances.get(0).send(SmsApiRequest.of(MOBILE, 12, Map.of("code", "1")));
			Instant after = TestRedis.time(redis);
			for (int i = 1; i < 10; i++) {
				try {
					instances.get(i % 2).send(SmsApiRequest.of(MOBILE, 12, Map.of("code", "1")));
				}
				catch (JuheSmsSendLimitException ex) {
					refusals.addAll(ex.getRefusals());
				}
			}
			assertThat(requestsTo(SEND)).hasSize(1);
			// Every refusal names the next send on the server's clock, ten minutes after
			// the first send there.
			assertThat(refusals).hasSize(9)
				.allSatisfy((refusal) -> assertThat(refusal.retryAt())
					.isBetween(before.plus(ONE_IN_TEN_MINUTES.window()), after.plus(ONE_IN_TEN_MINUTES.window())));
		});
	}

	@Test
	void codeSentOnTheInstanceBehindVerifiesOnTheOneAhead() {
		withRedis((redis) -> {
			RedisVerificationCodeStore store = new RedisVerificationCodeStore(redis, this.prefix);
			CapturingSender sender = new CapturingSender();
			Instant before = TestRedis.time(redis);
			SentVerificationCode sent = codes(store, sender, SKEW.negated(), Duration.ofMinutes(5)).send("login",
					MOBILE);
			Instant after = TestRedis.time(redis);
			assertThat(sent.expiresAt()).isBetween(before.plus(Duration.ofMinutes(5)),
					after.plus(Duration.ofMinutes(5)));
			assertThat(codes(store, sender, SKEW, Duration.ofMinutes(5)).verify("login", MOBILE, sender.code))
				.isEqualTo(VerificationResult.VERIFIED);
		});
	}

	@Test
	void codeSentOnTheInstanceAheadExpiresOnTheOneBehind() {
		withRedis((redis) -> {
			RedisVerificationCodeStore store = new RedisVerificationCodeStore(redis, this.prefix);
			CapturingSender sender = new CapturingSender();
			codes(store, sender, SKEW, Duration.ofMillis(200)).send("login", MOBILE);
			Thread.sleep(400);
			assertThat(
					codes(store, sender, SKEW.negated(), Duration.ofMillis(200)).verify("login", MOBILE, sender.code))
				.isEqualTo(VerificationResult.EXPIRED);
		});
	}

	// An instance of the application, with its own clock (given to every part that takes
	// one), limiter and Redis store over the one shared redis-server.
	private SmsApiClient smsApi(StringRedisTemplate redis, Duration skew) {
		Clock clock = Clock.offset(Clock.systemUTC(), skew);
		SlidingWindowSendLimiter limiter = new SlidingWindowSendLimiter(new RedisSendLimitStore(redis, this.prefix),
				List.of(ONE_IN_TEN_MINUTES), false, this.digest);
		JuheProductApiFactory factory = JuheProductApiFactory
			.builder(new JuheHttpTransport(RestClient.create(wireMock.baseUrl()), 65_536))
			.clock(clock)
			.sendLimiter(limiter)
			.build();
		return new SmsApiClient(factory.create(JuheProduct.SMS_API, KEY, List.of()), SmsApiVariablesFormat.VARS);
	}

	private VerificationCodeService codes(RedisVerificationCodeStore store, CapturingSender sender, Duration skew,
			Duration ttl) {
		return new VerificationCodeService(sender, store,
				new VerificationCodeSettings(6, ttl, Duration.ofMillis(1), 5, "code", null, Map.of()),
				Clock.offset(Clock.systemUTC(), skew), this.digest);
	}

	private static void withRedis(RedisConsumer consumer) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.url=" + TestRedis.url())
			.run((context) -> consumer.accept(context.getBean(StringRedisTemplate.class)));
	}

	@FunctionalInterface
	interface RedisConsumer {

		void accept(StringRedisTemplate redis) throws Exception;

	}

	// Sends nothing: keeps the last code, as the phone would show it.
	static final class CapturingSender implements VerificationCodeSender {

		private @Nullable String code;

		@Override
		public JuheOperation operation() {
			return VerificationCodeSmsClient.SEND;
		}

		@Override
		public SendReceipt send(String mobile, Map<String, String> variables) {
			this.code = variables.get("code");
			return new SendReceipt() {

				@Override
				public String sid() {
					return "c";
				}

				@Override
				public @Nullable Integer fee() {
					return null;
				}

			};
		}

	}

}

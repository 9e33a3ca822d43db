package io.github.juhesms.guard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.codes.SentVerificationCode;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.redis.RedisIdempotencyStore;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiResult;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.InMemoryIdempotencyStore;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.StoredSend;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The send guard's give-back paths, in memory and on a real redis-server: after a permit,
 * a key or a cool-down is given back (or kept), the next send shows what is then allowed,
 * refused or stored, counted in requests that reached Juhe.
 */
class GiveBackTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String FINANCIAL_SEND = "/shortLetter/send.php";

	private static final String CODE_SEND = "/vercodesms/send";

	private static final String A = "13812345678";

	private static final String B = "13912345678";

	private static final String SENT = success("{\"count\":1,\"fee\":1,\"sid\":\"s1\"}");

	private static final SmsApiRequest TO_A = SmsApiRequest.of(A, 12, Map.of("code", "1"));

	private static final SmsApiRequest TO_B = SmsApiRequest.of(B, 12, Map.of("code", "1"));

	private final String prefix = "give-back-" + UUID.randomUUID() + ":";

	enum Store {

		MEMORY, REDIS

	}

	// Limits on (the carriers' rules unless a test sets its own), codes through the
	// Verification-code product, in memory or on the test redis-server under a prefix of
	// this test's own.
	private ApplicationContextRunner runner(Store store) {
		ApplicationContextRunner runner = contextRunner().withPropertyValues("juhe.sms.limits.enabled=true",
				"juhe.sms.codes.template-id=21");
		if (store == Store.MEMORY) {
			return runner;
		}
		return runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix);
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void partiallyRefusedBatchGivesTheAdmittedNumbersTheirPermitsBack(Store store) {
		answer(SEND, SENT);
		runner(store).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(TO_A);
			// A client of the application's own, sending one message to two numbers
			// through the starter's pipeline: A is over its limit, B is not.
			JuheProductApi api = context.getBean(JuheProductApiFactory.class)
				.create(JuheProduct.SMS_API, KEY, Set.of());
			JuheCall batch = JuheCall.send(SmsApiClient.SEND,
					new JuheForm().add("mobile", A + "," + B).add("tpl_id", 12).add("vars", "{\"code\":\"1\"}"),
					List.of(A, B), 12, SendOptions.NONE);
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> api.call(batch, (result) -> result.requiredText("sid")))
				.satisfies((ex) -> assertThat(ex.getRefusals()).singleElement()
					.satisfies((refusal) -> assertThat(refusal.mobile()).isEqualTo(A)));
			assertThat(requestsTo(SEND)).hasSize(1);
			// B's permit of the refused batch was given back: B may still be sent to,
			// once.
			assertThat(client.send(TO_B).sid()).isEqualTo("s1");
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(TO_B));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void givingBackOnePermitKeepsTheNumbersOtherSends(Store store) {
		answerInTurn(SEND, SENT, failure(205402), SENT);
		runner(store).withPropertyValues("juhe.sms.limits.rules[0].count=2", "juhe.sms.limits.rules[0].window=1h")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				client.send(TO_A);
				assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send(TO_A));
				// The rejected send's permit is back; the first send still counts.
				client.send(TO_A);
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(TO_A))
					.satisfies((ex) -> assertThat(ex.getRefusals()).singleElement()
						.satisfies((refusal) -> assertThat(refusal.rule())
							.isEqualTo(new SendLimitRule(2, Duration.ofHours(1)))));
				assertThat(requestsTo(SEND)).hasSize(3);
			});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void idempotentReplayGivesBackThePermitsItsClientTook(Store store) {
		answer(FINANCIAL_SEND, success("{\"sid\":\"f1\",\"fee\":1}"));
		runner(store).withPropertyValues("juhe.sms.limits.rules[0].count=2", "juhe.sms.limits.rules[0].window=1h")
			.run((context) -> {
				FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
				FinancialSmsRequest toA = FinancialSmsRequest.of(List.of(A), 7);
				FinancialSmsResult first = client.send(toA, SendOptions.idempotencyKey("order-1"));
				FinancialSmsResult replay = client.send(toA, SendOptions.idempotencyKey("order-1"));
				assertThat(replay.sid()).isEqualTo(first.sid()).isEqualTo("f1");
				assertThat(requestsTo(FINANCIAL_SEND)).hasSize(1);
				// The replay sent nothing, so it holds none of A's two permits.
				client.send(toA);
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(toA));
				assertThat(requestsTo(FINANCIAL_SEND)).hasSize(2);
			});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void duplicateWaitingForAFirstSendInFlightPollsTheStoreAtIntervals(Store store) {
		wireMock.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(SENT).withFixedDelay(600)));
		runner(store).withPropertyValues("juhe.sms.limits.enabled=false")
			.withUserConfiguration(CountingIdempotencyConfiguration.class)
			.run((context) -> {
				CountingIdempotencyStore claims = context.getBean(CountingIdempotencyStore.class);
				SmsApiClient client = context.getBean(SmsApiClient.class);
				// Builds the HTTP client, so the first send below is in flight for the
				// answer's delay only.
				client.send(TO_B);
				ExecutorService thread = Executors.newSingleThreadExecutor();
				try {
					Future<SmsApiResult> first = thread
						.submit(() -> client.send(TO_A, SendOptions.idempotencyKey("k")));
					claims.awaitClaims(1);
					long started = System.nanoTime();
					SmsApiResult duplicate = client.send(TO_A, SendOptions.idempotencyKey("k"));
					int waitedMillis = (int) TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
					int duplicateClaims = claims.claims() - 1;
					assertThat(duplicate).isEqualTo(first.get(5, TimeUnit.SECONDS));
					// It found the first send in flight, waited, then found it succeeded;
					// each look at the store is followed by a pause (25 ms), so the store
					// is asked at most once per pause, not as fast as the loop can spin.
					assertThat(duplicateClaims).isGreaterThanOrEqualTo(2).isLessThanOrEqualTo(waitedMillis / 25 + 2);
				}
				finally {
					thread.shutdownNow();
				}
				// Once the first send is over, a repeat is answered by one look.
				int before = claims.claims();
				assertThat(client.send(TO_A, SendOptions.idempotencyKey("k")).sid()).isEqualTo("s1");
				assertThat(claims.claims() - before).isOne();
				assertThat(requestsTo(SEND)).hasSize(2);
			});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void runningResendCooldownRefusesANewCodeUntilItEnds(Store store) {
		answer(CODE_SEND, success("{\"sid\":\"v1\"}"));
		runner(store).withPropertyValues("juhe.sms.codes.resend-cooldown=2s", "juhe.sms.limits.enabled=false")
			.run((context) -> {
				VerificationCodeService codes = context.getBean(VerificationCodeService.class);
				// Builds the HTTP client, so the cool-down below is far from its end.
				codes.send("warm-up", B);
				SentVerificationCode sent = codes.send("login", A);
				// Part of the cool-down passes: the refusal names the time left of the
				// running one, not a whole new cool-down.
				Thread.sleep(500);
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> codes.send("login", A))
					.satisfies((ex) -> assertThat(ex.getRefusals()).singleElement().satisfies((refusal) -> {
						assertThat(refusal.rule()).isEqualTo(new SendLimitRule(1, Duration.ofSeconds(2)));
						assertThat(refusal.retryAt()).isBetween(sent.nextSendAllowedAt().minusMillis(200),
								sent.nextSendAllowedAt().plusMillis(200));
					}));
				// A refusal leaves the running cool-down as it was.
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> codes.send("login", A));
				assertThat(requestsTo(CODE_SEND)).hasSize(2);
				Thread.sleep(Math.max(0, Duration.between(Instant.now(), sent.nextSendAllowedAt()).toMillis()) + 200);
				codes.send("login", A);
				assertThat(requestsTo(CODE_SEND)).hasSize(3);
			});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void codeOfASendWithAnUnknownOutcomeIsKeptAndVerifies(Store store) {
		wireMock.stubFor(
				post(urlPathEqualTo(CODE_SEND)).willReturn(json(success("{\"sid\":\"v1\"}")).withFixedDelay(1000)));
		runner(store).withPropertyValues("juhe.sms.read-timeout=200ms").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> codes.send("login", A))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			// The message may have arrived: its code stays valid and its cool-down runs.
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> codes.send("login", A));
			assertThat(requestsTo(CODE_SEND)).hasSize(1);
			String code = lastCode();
			assertThat(codes.verify("login", A, code)).isEqualTo(VerificationResult.VERIFIED);
			assertThat(codes.verify("login", A, code)).isEqualTo(VerificationResult.USED);
		});
	}

	private static String lastCode() {
		return lastCodeSentTo(CODE_SEND);
	}

	/**
	 * The application's own idempotency store: the Redis one when Redis is configured,
	 * else one in memory, counting the claims made on it.
	 */
	@Configuration(proxyBeanMethods = false)
	static class CountingIdempotencyConfiguration {

		@Bean
		CountingIdempotencyStore countingIdempotencyStore(ObjectProvider<RedisConnectionFactory> redis,
				Environment environment) {
			RedisConnectionFactory connectionFactory = redis.getIfAvailable();
			if (connectionFactory == null) {
				return new CountingIdempotencyStore(new InMemoryIdempotencyStore(100, Clock.systemUTC()));
			}
			StringRedisTemplate template = new StringRedisTemplate(connectionFactory);
			template.afterPropertiesSet();
			return new CountingIdempotencyStore(
					new RedisIdempotencyStore(template, environment.getRequiredProperty("juhe.sms.redis.key-prefix")));
		}

	}

	static final class CountingIdempotencyStore implements IdempotencyStore {

		private final IdempotencyStore delegate;

		private final AtomicInteger claims = new AtomicInteger();

		CountingIdempotencyStore(IdempotencyStore delegate) {
			this.delegate = delegate;
		}

		int claims() {
			return this.claims.get();
		}

		void awaitClaims(int count) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (this.claims.get() < count && System.nanoTime() < deadline) {
				Thread.sleep(1);
			}
			assertThat(this.claims.get()).isGreaterThanOrEqualTo(count);
		}

		@Override
		public @Nullable StoredSend claim(String key, StoredSend claim, Duration window) {
			this.claims.incrementAndGet();
			return this.delegate.claim(key, claim, window);
		}

		@Override
		public void complete(String key, StoredSend outcome, Duration window) {
			this.delegate.complete(key, outcome, window);
		}

		@Override
		public void abandon(String key) {
			this.delegate.abandon(key);
		}

	}

}

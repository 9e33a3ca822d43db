package io.github.juhesms.redis;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis stores against a real redis-server: limits, idempotency keys and codes behave
 * as in memory, keys are prefixed and expire, and an unreachable Redis fails closed (or
 * open, if configured).
 */
class RedisStoresTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	private ApplicationContextRunner withRedis(String redisUrl) {
		return contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + redisUrl, "juhe.sms.redis.key-prefix=" + this.prefix,
					"juhe.sms.limits.enabled=true", "juhe.sms.codes.template-id=21", "spring.data.redis.timeout=500ms",
					"spring.data.redis.connect-timeout=500ms");
	}

	@Test
	void limitsIdempotencyAndCodesWorkOnRedisUnderThePrefixAndExpire() {
		answer(SEND, success("{\"sid\":\"r1\"}"));
		answer("/vercodesms/send", success("{\"sid\":\"c1\"}"));
		withRedis(TestRedis.url()).run((context) -> {
			assertThat(context.getBean(SendLimitStore.class)).isInstanceOf(RedisSendLimitStore.class);
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThat(client.send(REQUEST, SendOptions.idempotencyKey("k1")).sid()).isEqualTo("r1");
			assertThat(client.send(REQUEST, SendOptions.idempotencyKey("k1")).sid()).isEqualTo("r1");
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(REQUEST));
			assertThat(requestsTo(SEND)).hasSize(1);

			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.send("login", "13912345678");
			String code = form(requestsTo("/vercodesms/send").get(0)).get("tplValue").substring("#code#=".length());
			assertThat(codes.verify("login", "13912345678", "x")).isEqualTo(VerificationResult.WRONG_CODE);
			assertThat(codes.verify("login", "13912345678", code)).isEqualTo(VerificationResult.VERIFIED);
			assertThat(codes.verify("login", "13912345678", code)).isEqualTo(VerificationResult.USED);

			StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
			redis.afterPropertiesSet();
			Set<String> keys = redis.keys(this.prefix + "*");
			assertThat(keys).hasSize(5).allSatisfy((key) -> {
				assertThat(key).startsWith(this.prefix).doesNotContain("13812345678").doesNotContain("13912345678");
				assertThat(redis.getExpire(key)).isPositive();
			});
		});
	}

	@Test
	void unreachableRedisFailsClosedAndSendsNothing() {
		answer(SEND, success("{\"sid\":\"x\"}"));
		withRedis("redis://127.0.0.1:" + TestRedis.freePort()).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsStoreUnavailableException.class).isThrownBy(() -> client.send(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.isOutcomeUnknown()).isFalse();
				});
			assertThatExceptionOfType(JuheSmsStoreUnavailableException.class)
				.isThrownBy(() -> context.getBean(VerificationCodeService.class).send("login", "13812345678"));
			assertThat(wireMock.getAllServeEvents()).isEmpty();
		});
	}

	@Test
	void unreachableRedisFailsAKeyedFinancialBatchClosedOrSendsItWholeWithFailOpen() {
		answer("/shortLetter/send.php", success("{\"sid\":\"f\",\"fee\":2}"));
		String unreachable = "redis://127.0.0.1:" + TestRedis.freePort();
		FinancialSmsRequest batch = FinancialSmsRequest.of(List.of("13812345678", "13912345678"), 12);
		withRedis(unreachable).run((context) -> assertThatExceptionOfType(JuheSmsStoreUnavailableException.class)
			.isThrownBy(() -> context.getBean(FinancialSmsClient.class).send(batch, SendOptions.idempotencyKey("k")))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isZero()));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
		withRedis(unreachable).withPropertyValues("juhe.sms.redis.fail-open=true").run((context) -> {
			FinancialSmsResult sent = context.getBean(FinancialSmsClient.class)
				.send(batch, SendOptions.idempotencyKey("k"));
			assertThat(sent.limited()).isEmpty();
			assertThat(form(requestsTo("/shortLetter/send.php").get(0))).containsEntry("mobile",
					"13812345678,13912345678");
		});
	}

	@Test
	void unreachableRedisFailsAnUnkeyedFinancialBatchClosed() {
		String unreachable = "redis://127.0.0.1:" + TestRedis.freePort();
		FinancialSmsRequest batch = FinancialSmsRequest.of(List.of("13812345678", "13912345678"), 12);
		withRedis(unreachable).run((context) -> assertThatExceptionOfType(JuheSmsStoreUnavailableException.class)
			.isThrownBy(() -> context.getBean(FinancialSmsClient.class).send(batch))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isZero()));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void unreachableRedisWithFailOpenSendsWithoutLimits() {
		answer(SEND, success("{\"sid\":\"x\"}"));
		withRedis("redis://127.0.0.1:" + TestRedis.freePort()).withPropertyValues("juhe.sms.redis.fail-open=true")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				client.send(REQUEST, SendOptions.idempotencyKey("k"));
				client.send(REQUEST);
				assertThat(requestsTo(SEND)).hasSize(2);
			});
	}

	@Test
	void failOpenStoresStillDeduplicateWhileRedisIsUp() {
		answer(SEND, success("{\"sid\":\"first\"}"));
		withRedis(TestRedis.url())
			.withPropertyValues("juhe.sms.redis.fail-open=true", "juhe.sms.limits.enabled=false",
					"juhe.sms.idempotency.wait-timeout=1s")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				assertThat(client.send(REQUEST, SendOptions.idempotencyKey("open")).sid()).isEqualTo("first");
				assertThat(client.send(REQUEST, SendOptions.idempotencyKey("open")).sid()).isEqualTo("first");
				assertThat(requestsTo(SEND)).hasSize(1);
			});
	}

	@Test
	void duplicateOfAnUnknownOutcomeIsRememberedInRedis() {
		wireMock.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(success("{\"sid\":\"x\"}")).withFixedDelay(800)));
		withRedis(TestRedis.url()).withPropertyValues("juhe.sms.read-timeout=200ms", "juhe.sms.limits.enabled=false")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				assertThatExceptionOfType(io.github.juhesms.error.JuheSmsTransportException.class)
					.isThrownBy(() -> client.send(REQUEST, SendOptions.idempotencyKey("u")));
				assertThatExceptionOfType(JuheSmsDuplicateSendException.class)
					.isThrownBy(() -> client.send(REQUEST, SendOptions.idempotencyKey("u")));
				assertThat(requestsTo(SEND)).hasSize(1);
			});
	}

}

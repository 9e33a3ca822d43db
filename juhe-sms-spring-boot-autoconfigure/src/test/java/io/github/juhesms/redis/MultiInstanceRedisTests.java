package io.github.juhesms.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.Concurrently;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two application contexts, as two instances of one application, sharing one real Redis.
 */
class MultiInstanceRedisTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String FINANCIAL_SEND = "/shortLetter/send.php";

	private final String prefix = "multi-" + UUID.randomUUID() + ":";

	private ApplicationContextRunner instance() {
		return contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix,
					"juhe.sms.codes.template-id=21");
	}

	@Test
	void hundredConcurrentSendsToOneNumberAcrossBothStayWithinTheLimit() {
		answer(SEND, success("{\"sid\":\"s\"}"));
		instance()
			.withPropertyValues("juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=5",
					"juhe.sms.limits.rules[0].window=1h")
			.run((first) -> instance()
				.withPropertyValues("juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=5",
						"juhe.sms.limits.rules[0].window=1h")
				.run((second) -> {
					SmsApiRequest request = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));
					List<Object> outcomes = Concurrently.run(100, (i) -> {
						SmsApiClient client = ((i % 2 == 0) ? first : second).getBean(SmsApiClient.class);
						try {
							return client.send(request);
						}
						catch (JuheSmsSendLimitException ex) {
							return ex;
						}
					});
					assertThat(outcomes.stream().filter(JuheSmsSendLimitException.class::isInstance)).hasSize(95);
					assertThat(requestsTo(SEND)).hasSize(5);
				}));
	}

	@Test
	void fiftyConcurrentCallsWithOneKeyAcrossBothMakeOneRequest() {
		wireMock
			.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(success("{\"sid\":\"once\"}")).withFixedDelay(300)));
		instance().run((first) -> instance().run((second) -> {
			SmsApiRequest request = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));
			List<Object> outcomes = Concurrently.run(50,
					(i) -> ((i % 2 == 0) ? first : second).getBean(SmsApiClient.class)
						.send(request, SendOptions.idempotencyKey("payment-7")));
			assertThat(outcomes)
				.allSatisfy((outcome) -> assertThat(outcome).hasFieldOrPropertyWithValue("sid", "once"));
			assertThat(requestsTo(SEND)).hasSize(1);
		}));
	}

	@Test
	void fiftyConcurrentKeyedFinancialBatchesAcrossBothMakeOneRequestAndTakeEachNumbersPermitOnce() {
		wireMock.stubFor(post(urlPathEqualTo(FINANCIAL_SEND))
			.willReturn(json(success("{\"sid\":\"batch\",\"fee\":100}")).withFixedDelay(300)));
		String[] limits = { "juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=2",
				"juhe.sms.limits.rules[0].window=1h" };
		instance().withPropertyValues(limits).run((first) -> instance().withPropertyValues(limits).run((second) -> {
			List<String> batch = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				batch.add(String.format("1390%07d", i));
			}
			List<Object> outcomes = Concurrently.run(50,
					(i) -> ((i % 2 == 0) ? first : second).getBean(FinancialSmsClient.class)
						.send(FinancialSmsRequest.of(batch, 12), SendOptions.idempotencyKey("statement-7")));
			assertThat(outcomes).allSatisfy((outcome) -> {
				assertThat(((FinancialSmsResult) outcome).sid()).isEqualTo("batch");
				assertThat(((FinancialSmsResult) outcome).limited()).isEmpty();
			});
			assertThat(requestsTo(FINANCIAL_SEND)).hasSize(1);
			// The 49 repeats took no permit: each number has its second send of the hour
			// left, through either instance, and no third.
			assertThat(second.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(batch, 12)).limited())
				.isEmpty();
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> first.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(batch, 12)))
				.satisfies((ex) -> assertThat(ex.getRefusals()).hasSize(100));
			assertThat(requestsTo(FINANCIAL_SEND)).hasSize(2);
		}));
	}

	@Test
	void codeSentThroughOneInstanceVerifiesOnTheOtherOnlyOnce() {
		answer("/vercodesms/send", success("{\"sid\":\"c\"}"));
		// Enough attempts for all ten verifies, so each one either uses the code up or
		// finds it used.
		instance().withPropertyValues("juhe.sms.codes.max-attempts=20")
			.run((first) -> instance().withPropertyValues("juhe.sms.codes.max-attempts=20").run((second) -> {
				first.getBean(VerificationCodeService.class).send("login", "13812345678");
				String code = form(requestsTo("/vercodesms/send").get(0)).get("tplValue").substring("#code#=".length());
				List<Object> results = Concurrently.run(10,
						(i) -> ((i % 2 == 0) ? first : second).getBean(VerificationCodeService.class)
							.verify("login", "13812345678", code));
				assertThat(results.stream().filter(VerificationResult.VERIFIED::equals)).hasSize(1);
				assertThat(results.stream().filter(VerificationResult.USED::equals)).hasSize(9);
			}));
	}

}

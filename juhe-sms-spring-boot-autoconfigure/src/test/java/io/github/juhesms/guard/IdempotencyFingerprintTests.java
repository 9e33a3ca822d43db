package io.github.juhesms.guard;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsIdempotencyKeyReusedException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An idempotency key is bound to the request it first came with: a repeat that asks for
 * something else is refused, not answered with the first send's result, in memory and on
 * a real redis-server.
 */
class IdempotencyFingerprintTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1234"));

	private static final SendOptions ORDER_42 = SendOptions.idempotencyKey("order-42");

	enum Store {

		MEMORY, REDIS

	}

	private ApplicationContextRunner runner(Store store) {
		if (store == Store.MEMORY) {
			return contextRunner();
		}
		return contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "spring.data.redis.url=" + TestRedis.url(),
					"juhe.sms.redis.key-prefix=fingerprint-" + UUID.randomUUID() + ":",
					"juhe.sms.store-secret=" + TestRedis.SECRET);
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aRepeatToAnotherNumberIsRefusedAndNothingIsSent(Store store) {
		answer(SEND, success("{\"sid\":\"first\"}"));
		runner(store).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(REQUEST, ORDER_42);
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class)
				.isThrownBy(() -> client.send(SmsApiRequest.of("13912345678", 12, Map.of("code", "1234")), ORDER_42))
				.satisfies((ex) -> {
					assertThat(ex.getCategory()).isEqualTo(JuheSmsErrorCategory.IDEMPOTENCY_KEY_REUSED);
					assertThat(ex.isRefusedLocally()).isTrue();
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.getMessage()).contains("for a different request").doesNotContain("139");
				});
			assertThat(client.send(REQUEST, ORDER_42).sid()).isEqualTo("first");
		});
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aRepeatWithOtherVariablesOrTemplateIsRefused(Store store) {
		answer(SEND, success("{\"sid\":\"first\"}"));
		runner(store).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(REQUEST, ORDER_42);
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class)
				.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, Map.of("code", "9999")), ORDER_42));
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class)
				.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 13, Map.of("code", "1234")), ORDER_42));
			// Another key is another send.
			assertThat(client.send(REQUEST, SendOptions.idempotencyKey("order-43")).sid()).isEqualTo("first");
		});
		assertThat(requestsTo(SEND)).hasSize(2);
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aFinancialBatchIsBoundToAllItsNumbers(Store store) {
		answer("/shortLetter/send.php", success("{\"sid\":\"batch\",\"fee\":2}"));
		runner(store).run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			FinancialSmsRequest batch = new FinancialSmsRequest(List.of("13812345678", "13912345678"), 12,
					Map.of("code", "1"));
			client.send(batch, ORDER_42);
			assertThat(client.send(batch, ORDER_42).sid()).isEqualTo("batch");
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class).isThrownBy(() -> client
				.send(new FinancialSmsRequest(List.of("13812345678"), 12, Map.of("code", "1")), ORDER_42));
		});
		assertThat(requestsTo("/shortLetter/send.php")).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aRefusedReuseGivesBackThePermitsItsBatchTook(Store store) {
		answer("/shortLetter/send.php", success("{\"sid\":\"batch\",\"fee\":1}"));
		runner(store).withPropertyValues("juhe.sms.limits.enabled=true").run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			client.send(new FinancialSmsRequest(List.of("13812345678"), 12, Map.of("code", "1")), ORDER_42);
			FinancialSmsRequest other = new FinancialSmsRequest(List.of("13912345678"), 12, Map.of("code", "1"));
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class)
				.isThrownBy(() -> client.send(other, ORDER_42));
			// Nothing went to 139..., so its one send a minute is still there.
			assertThat(client.send(other).sid()).isEqualTo("batch");
		});
		assertThat(requestsTo("/shortLetter/send.php")).hasSize(2);
	}

}

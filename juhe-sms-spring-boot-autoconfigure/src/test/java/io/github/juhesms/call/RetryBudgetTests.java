package io.github.juhesms.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The retry budget: first attempts are never held back, retries draw from a token bucket
 * per product.
 */
class RetryBudgetTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final String BUSY = "{\"reason\":\"网络繁忙，请稍后重试\",\"result\":null,\"error_code\":235700}";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	@Test
	void thousandSendsWhileJuheIsBusyStayWithinFirstAttemptsPlusTheBudget() throws Exception {
		answer(SEND, BUSY);
		MeterRegistry meters = new SimpleMeterRegistry();
		contextRunner()
			.withPropertyValues("juhe.sms.retry.initial-interval=1ms", "juhe.sms.retry.budget.capacity=10",
					"juhe.sms.retry.budget.refill-interval=1h")
			.withBean(MeterRegistry.class, () -> meters)
			.run((context) -> {
				InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
				ExecutorService threads = Executors.newFixedThreadPool(8);
				List<Future<?>> sends = new ArrayList<>();
				for (int i = 0; i < 1000; i++) {
					sends.add(threads.submit(() -> assertThatExceptionOfType(JuheSmsBusyException.class)
						.isThrownBy(() -> client.send(REQUEST))));
				}
				for (Future<?> send : sends) {
					send.get();
				}
				threads.shutdown();
				// Without a budget: 3,000 requests. With it: the 1,000 first attempts and
				// 10 retries.
				assertThat(requestsTo(SEND)).hasSize(1010);
				assertThat(meters.get("juhe.sms.client.retries").counter().count()).isEqualTo(10.0);
				assertThat(
						meters.get("juhe.sms.client.retries.denied").tag("product", "international").counter().count())
					.isGreaterThanOrEqualTo(995.0);
			});
	}

	@Test
	void tokensComeBackAfterTheRefillInterval() {
		answer(SEND, BUSY);
		contextRunner()
			.withPropertyValues("juhe.sms.retry.max-attempts=2", "juhe.sms.retry.budget.capacity=1",
					"juhe.sms.retry.budget.refill-interval=300ms")
			.run((context) -> {
				InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
				assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(REQUEST))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(2));
				assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(REQUEST))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
				Thread.sleep(700);
				assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(REQUEST))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(2));
				assertThat(requestsTo(SEND)).hasSize(5);
			});
	}

	@Test
	void disabledBudgetRetriesEveryRetryableFailure() {
		answer(SEND, BUSY);
		contextRunner()
			.withPropertyValues("juhe.sms.retry.budget.enabled=false", "juhe.sms.retry.budget.capacity=1",
					"juhe.sms.retry.initial-interval=1ms")
			.run((context) -> {
				InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
				for (int i = 0; i < 5; i++) {
					assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(REQUEST));
				}
				assertThat(requestsTo(SEND)).hasSize(15);
			});
	}

	@Test
	void eachProductHasItsOwnBudget() {
		RetryBudget international = new RetryBudget(new RetryBudgetSettings(true, 1, java.time.Duration.ofHours(1)));
		RetryBudget financial = new RetryBudget(new RetryBudgetSettings(true, 1, java.time.Duration.ofHours(1)));
		assertThat(international.tryAcquire()).isTrue();
		assertThat(international.tryAcquire()).isFalse();
		assertThat(financial.tryAcquire()).isTrue();
	}

}

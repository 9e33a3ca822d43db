package io.github.juhesms.observation;

import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A refusal by the starter's own protection is told apart from Juhe failing: outcomes of
 * its own, and no error on the observation.
 */
class ProtectionOutcomeTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	private ApplicationContextRunner withMetrics() {
		return contextRunner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));
	}

	@Test
	void aSendRefusedByTheLimitIsLimitedWithoutAnError() {
		answer(SEND, "{\"reason\":\"操作成功\",\"result\":{\"sid\":\"s1\",\"fee\":1},\"error_code\":0}");
		withMetrics().withPropertyValues("juhe.sms.limits.enabled=true").run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			client.send(REQUEST);
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(REQUEST));
			Timer limited = context.getBean(MeterRegistry.class)
				.get("juhe.sms.client.requests")
				.tag("outcome", "limited")
				.tag("error", "none")
				.tag("error.code", "none")
				.timer();
			assertThat(limited.count()).isEqualTo(1);
			assertThat(context.getBean(MeterRegistry.class)
				.find("juhe.sms.client.requests")
				.tag("outcome", "error")
				.timers()).isEmpty();
		});
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@Test
	void aSendRefusedDuringAFailFastCoolDownIsFailingFastWithoutAnError() {
		answer(SEND, "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		withMetrics().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsApiException.class).isThrownBy(() -> client.send(REQUEST))
				.satisfies((ex) -> assertThat(ex.isRefusedLocally()).isFalse());
			assertThatExceptionOfType(JuheSmsApiException.class).isThrownBy(() -> client.send(REQUEST))
				.satisfies((ex) -> assertThat(ex.isRefusedLocally()).isTrue());
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("juhe.sms.client.requests")
				.tag("outcome", "rejected")
				.tag("error.code", "10001")
				.tag("error", "JuheSmsCredentialsException")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("juhe.sms.client.requests")
				.tag("outcome", "failing_fast")
				.tag("error.code", "10001")
				.tag("error", "none")
				.timer()
				.count()).isEqualTo(1);
		});
		assertThat(requestsTo(SEND)).hasSize(1);
	}

}

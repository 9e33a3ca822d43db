package io.github.juhesms.health;

import java.util.Map;

import io.github.juhesms.autoconfigure.JuheSmsHealthContributorAutoConfiguration;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code juhe} health indicator reports a product DOWN while Juhe's answer keeps it
 * in its fail-fast cool-down, from a real trip over HTTP, and never calls Juhe itself.
 */
class JuheSmsHealthIndicatorTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private ApplicationContextRunner runner() {
		return contextRunner().withConfiguration(AutoConfigurations.of(JuheSmsHealthContributorAutoConfiguration.class))
			.withPropertyValues("juhe.sms.sms-api.enabled=false", "juhe.sms.financial.enabled=false",
					"juhe.sms.verification-code.enabled=false", "juhe.sms.video.enabled=false");
	}

	@Test
	void productInItsCoolDownIsDownWithJuhesCodeAndReasonAndNoKey() {
		answer(SEND, "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		runner().run((context) -> {
			HealthIndicator indicator = context.getBean("juheHealthIndicator", HealthIndicator.class);
			Health before = indicator.health();
			assertThat(before.getStatus()).isEqualTo(Status.UP);
			assertThat(before.getDetails()).containsExactly(Map.entry("international", Map.of("status", "UP")));
			assertThatExceptionOfType(JuheSmsApiException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class)
					.send(InternationalSmsRequest.of("44", "7911123456", 12)));
			Health after = indicator.health();
			assertThat(after.getStatus()).isEqualTo(Status.DOWN);
			assertThat(after.getDetails()).extractingByKey("international")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("status", "FAILING_FAST")
				.containsEntry("code", 10001)
				.containsEntry("reason", "错误的请求KEY")
				.containsKey("until");
			assertThat(after.toString()).doesNotContain(KEY);
		});
		// Two health checks, one send: the indicator made no request.
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@Test
	void coolDownOverIsUpAgain() {
		answer(SEND, "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		runner().withPropertyValues("juhe.sms.fail-fast.cooldown=200ms").run((context) -> {
			HealthIndicator indicator = context.getBean("juheHealthIndicator", HealthIndicator.class);
			assertThatExceptionOfType(JuheSmsApiException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class)
					.send(InternationalSmsRequest.of("44", "7911123456", 12)));
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
			Thread.sleep(300);
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void switchedOffWithBootsUsualProperty() {
		runner().withPropertyValues("management.health.juhe.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("juheHealthIndicator"));
	}

	@Test
	void applicationsOwnIndicatorWins() {
		runner().withBean("juheHealthIndicator", HealthIndicator.class, () -> () -> Health.unknown().build())
			.run((context) -> assertThat(
					context.getBean("juheHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UNKNOWN));
	}

}

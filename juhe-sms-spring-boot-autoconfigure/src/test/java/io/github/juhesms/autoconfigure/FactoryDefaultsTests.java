package io.github.juhesms.autoconfigure;

import io.github.juhesms.call.FailFastSettings;
import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.call.JuheRetrySettings;
import io.github.juhesms.call.RetryBudgetSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The factory builder and the {@code juhe.sms.*} properties take their retry, budget and
 * fail-fast defaults from one place, so code built with the builder retries, spends its
 * budget and fails fast as the application does.
 */
class FactoryDefaultsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JuheSmsAutoConfiguration.class))
		.withPropertyValues("juhe.sms.key=k");

	@Test
	void builderAndPropertiesHaveTheSameDefaults() {
		this.contextRunner.run((context) -> {
			JuheProductApiFactory configured = context.getBean(JuheProductApiFactory.class);
			Object services = ReflectionTestUtils.getField(configured, "services");
			JuheProductApiFactory built = JuheProductApiFactory
				.builder((JuheHttpTransport) ReflectionTestUtils.getField(services, "transport"))
				.build();
			for (String settings : new String[] { "retry", "retryBudget", "failFast" }) {
				assertThat(ReflectionTestUtils.getField(services, settings)).as(settings)
					.isEqualTo(ReflectionTestUtils.getField(ReflectionTestUtils.getField(built, "services"), settings));
			}
			assertThat(configured).extracting("services.retry").isEqualTo(JuheRetrySettings.DEFAULTS);
			assertThat(configured).extracting("services.retryBudget").isEqualTo(RetryBudgetSettings.DEFAULTS);
			assertThat(configured).extracting("services.failFast").isEqualTo(FailFastSettings.DEFAULTS);
		});
	}

	@Test
	void propertiesDefaultsAreTheSettingsDefaults() {
		JuheSmsProperties.Retry retry = new JuheSmsProperties().getRetry();
		assertThat(retry.getMaxAttempts()).isEqualTo(3);
		assertThat(retry.getJitter()).isEqualTo(JuheRetrySettings.DEFAULTS.jitter()).isPositive();
		assertThat(retry.getBudget().getCapacity()).isEqualTo(20);
		assertThat(new JuheSmsProperties().getFailFast().getCooldown()).isEqualTo(FailFastSettings.DEFAULTS.cooldown())
			.isPositive();
	}

}

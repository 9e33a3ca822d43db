package io.github.juhesms.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/configprops} and {@code /actuator/env} show the keys masked, even with
 * values shown.
 */
class ActuatorKeyMaskingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
				ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, JuheSmsAutoConfiguration.class))
		.withPropertyValues("management.endpoint.configprops.show-values=always",
				"management.endpoint.env.show-values=always",
				"management.endpoints.web.exposure.include=configprops,env",
				"management.endpoints.jmx.exposure.include=configprops,env", "juhe.sms.key=shared-secret-key",
				"juhe.sms.international.key=international-secret-key", "juhe.sms.base-url=https://v.juhe.cn");

	@Test
	void configpropsMasksEveryKeyAndShowsTheRest() {
		this.contextRunner.run((context) -> {
			Map<String, Object> properties = context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("juhe.sms")
				.getContexts()
				.values()
				.iterator()
				.next()
				.getBeans()
				.values()
				.iterator()
				.next()
				.getProperties();
			assertThat(properties.get("key")).isEqualTo("******");
			assertThat(((Map<?, ?>) properties.get("international")).get("key")).isEqualTo("******");
			assertThat(properties.get("baseUrl")).isEqualTo("https://v.juhe.cn");
			assertThat(properties.toString()).doesNotContain("secret-key");
		});
	}

	@Test
	void envMasksTheKeyProperties() {
		this.contextRunner.run((context) -> {
			String env = tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment("juhe"));
			assertThat(env).contains("juhe.sms.base-url").contains("juhe.sms.key").doesNotContain("secret-key");
		});
	}

}

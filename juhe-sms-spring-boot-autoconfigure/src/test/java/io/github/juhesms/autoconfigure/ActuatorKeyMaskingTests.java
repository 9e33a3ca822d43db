package io.github.juhesms.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;

import io.github.juhesms.core.JuheProduct;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

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

	@Test
	void envMasksEveryProductKeyAndTheStoreSecretInEveryFormTheyBindFrom() {
		Map<String, Object> yaml = new LinkedHashMap<>();
		Map<String, Object> environment = new LinkedHashMap<>();
		Properties system = new Properties();
		List<String> secrets = new ArrayList<>();
		for (JuheProduct product : JuheProduct.values()) {
			String id = product.id();
			String camel = id.contains("-") ? id.substring(0, id.indexOf('-'))
					+ Character.toUpperCase(id.charAt(id.indexOf('-') + 1)) + id.substring(id.indexOf('-') + 2) : id;
			String upper = id.toUpperCase(Locale.ROOT);
			put(yaml::put, "juhe.sms." + id + ".key", secrets);
			put(yaml::put, "juhe.sms." + id.replace('-', '_') + ".key", secrets);
			put(environment::put, "JUHE_SMS_" + upper.replace('-', '_') + "_KEY", secrets);
			put(environment::put, "JUHE_SMS_" + upper.replace("-", "") + "_KEY", secrets);
			put(system::put, "juhe.sms." + camel + ".key", secrets);
			put(system::put, "juhe.sms." + id.replace("-", "") + ".key", secrets);
		}
		put(yaml::put, "juhe.sms.store-secret", secrets);
		put(environment::put, "JUHE_SMS_STORESECRET", secrets);
		put(environment::put, "JUHE_SMS_STORE_SECRET", secrets);
		put(environment::put, "JUHE_SMS_KEY", secrets);
		put(system::put, "juhe.sms.storeSecret", secrets);
		assertThat(secrets).hasSize(23).doesNotHaveDuplicates();
		this.contextRunner.withInitializer((context) -> {
			MutablePropertySources sources = context.getEnvironment().getPropertySources();
			sources.addFirst(new MapPropertySource("Config resource 'class path resource [application.yml]'", yaml));
			sources.addFirst(new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME + "-test", environment));
			sources.addFirst(new PropertiesPropertySource(
					StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME + "-test", system));
		}).run((context) -> {
			JsonMapper json = JsonMapper.builder().build();
			String env = json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
			assertThat(env).contains("JUHE_SMS_SMS_API_KEY").contains("juhe.sms.smsApi.key").contains("******");
			assertThat(secrets).allSatisfy((secret) -> assertThat(env).doesNotContain(secret));
			String configprops = json.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
				.configurationPropertiesWithPrefix("juhe.sms"));
			assertThat(secrets).allSatisfy((secret) -> assertThat(configprops).doesNotContain(secret));
		});
	}

	// Each value is its own secret, so a leak names the form that leaked.
	private static void put(BiConsumer<String, String> source, String name, List<String> secrets) {
		String secret = "secret-" + name.replace('.', 'D').replace('-', 'H').replace('_', 'U') + "-0123456789abcdef";
		if (!secrets.contains(secret)) {
			source.accept(name, secret);
			secrets.add(secret);
		}
	}

}

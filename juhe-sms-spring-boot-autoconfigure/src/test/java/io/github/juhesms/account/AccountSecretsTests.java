package io.github.juhesms.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.juhesms.autoconfigure.JuheSmsHealthContributorAutoConfiguration;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.video.VideoSmsClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No account's key appears anywhere: not with every logger at TRACE, not in Actuator's
 * {@code env} and {@code configprops} with values shown, not in exceptions, events,
 * meters or health, whether the key was bound from YAML, an environment variable, a
 * system property or supplied by the repository.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountSecretsTests extends JuheWireMockTests {

	private static final String[] LOGGERS = { "io.github.juhesms", "org.springframework.web.client",
			"org.springframework.http", "org.springframework.core.retry", "org.springframework.boot.context" };

	private static final String YAML_KEY = "yaml-acme-secret-0123456789";

	private static final String ENV_KEY = "env-globex-secret-0123456789";

	private static final String ENV_PRODUCT_KEY = "env-globex-video-secret-0123456789";

	private static final String SYSTEM_KEY = "system-initech-secret-0123456789";

	private static final String REPOSITORY_KEY = "repository-hooli-secret-0123456789";

	private static final List<String> SECRETS = List.of(YAML_KEY, ENV_KEY, ENV_PRODUCT_KEY, SYSTEM_KEY, REPOSITORY_KEY);

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void traceLogging() {
		for (String logger : LOGGERS) {
			this.loggingSystem.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterEach
	void quietLogging() {
		for (String logger : LOGGERS) {
			this.loggingSystem.setLogLevel(logger, null);
		}
	}

	@Test
	void noAccountKeyAppearsInLogsActuatorExceptionsEventsMetersOrHealth(CapturedOutput output) {
		answer("/sms/send", success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		// A banned key, echoed back by a careless server.
		wireMock.stubFor(post(urlPathEqualTo("/caixinv2/send")).withRequestBody(containing(ENV_PRODUCT_KEY))
			.willReturn(
					json("{\"reason\":\"错误的请求KEY " + ENV_PRODUCT_KEY + "\",\"result\":null,\"error_code\":10001}")));
		Map<String, Object> yaml = Map.of("juhe.sms.accounts.acme.key", YAML_KEY);
		Map<String, Object> environment = Map.of("JUHE_SMS_ACCOUNTS_GLOBEX_KEY", ENV_KEY,
				"JUHE_SMS_ACCOUNTS_GLOBEX_VIDEO_KEY", ENV_PRODUCT_KEY);
		Properties system = new Properties();
		system.put("juhe.sms.accounts[initech].smsApi.key", SYSTEM_KEY);
		List<Object> seen = new ArrayList<>();
		contextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class, ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
					SimpleMetricsExportAutoConfiguration.class, JuheSmsHealthContributorAutoConfiguration.class))
			.withPropertyValues("management.endpoint.configprops.show-values=always",
					"management.endpoint.env.show-values=always",
					"management.endpoints.web.exposure.include=configprops,env",
					"management.endpoints.jmx.exposure.include=configprops,env",
					"management.endpoint.health.show-details=always")
			.withInitializer((context) -> {
				MutablePropertySources sources = context.getEnvironment().getPropertySources();
				sources.addFirst(new MapPropertySource("Config resource 'class path resource [application.yml]'",
						new LinkedHashMap<>(yaml)));
				sources.addFirst(new SystemEnvironmentPropertySource(
						"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new LinkedHashMap<>(environment)));
				sources.addFirst(new PropertiesPropertySource(
						StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME + "-test", system));
			})
			.withBean(JuheSmsAccountRepository.class,
					() -> (name) -> name.equals("hooli") ? JuheSmsAccount.builder("hooli").key(REPOSITORY_KEY).build()
							: null)
			.withBean(ApplicationListener.class,
					() -> (ApplicationListener<PayloadApplicationEvent<JuheSmsSendEvent>>) (event) -> seen
						.add(event.getPayload()))
			.run((context) -> {
				SmsApiClient sms = context.getBean(SmsApiClient.class);
				SmsApiRequest request = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));
				for (String account : List.of("acme", "globex", "initech", "hooli")) {
					seen.add(sms.send(request, SendOptions.account(account)));
				}
				try {
					context.getBean(VideoSmsClient.class).forAccount("globex").send("13812345678", 5);
				}
				catch (JuheSmsException ex) {
					seen.add(ex.getMessage());
					seen.add(ex.toString());
				}
				JsonMapper json = JsonMapper.builder().build();
				seen.add(json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null)));
				seen.add(json.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
					.configurationPropertiesWithPrefix("juhe.sms")));
				seen.add(context.getBean("juheHealthIndicator", HealthIndicator.class).health());
				seen.add(context.getBean(MeterRegistry.class)
					.getMeters()
					.stream()
					.map((meter) -> meter.getId())
					.toList());
				seen.add(context.getBean(JuheSmsAccounts.class)
					.find(io.github.juhesms.smsapi.SmsApiClient.SEND, "hooli"));
				seen.add(context.getBean(io.github.juhesms.autoconfigure.JuheSmsProperties.class));
			});
		assertThat(NamedAccountsTests.keysSentTo("/sms/send")).containsExactly(YAML_KEY, ENV_KEY, SYSTEM_KEY,
				REPOSITORY_KEY);
		assertThat(seen.toString()).contains("FAILING_FAST").contains("account=globex").contains("******");
		assertThat(SECRETS).allSatisfy((secret) -> {
			assertThat(seen.toString()).doesNotContain(secret);
			assertThat(output.getAll()).doesNotContain(secret);
		});
		assertThat(output.getAll()).contains("Juhe sms-api.send account=hooli");
	}

}

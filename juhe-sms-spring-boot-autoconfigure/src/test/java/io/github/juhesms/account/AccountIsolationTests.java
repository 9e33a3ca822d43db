package io.github.juhesms.account;

import java.util.ArrayList;
import java.util.List;

import io.github.juhesms.autoconfigure.JuheSmsHealthContributorAutoConfiguration;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsCredentialsException;
import io.github.juhesms.event.JuheSmsRejectedEvent;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.github.juhesms.event.JuheSmsSentEvent;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.account.NamedAccountsTests.ACME_KEY;
import static io.github.juhesms.account.NamedAccountsTests.GLOBEX_KEY;
import static io.github.juhesms.account.NamedAccountsTests.keysSentTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Everything that protects one account is its own: one customer's banned key or retry
 * storm never holds up another's, and meters, events, the log line and health name the
 * account (never its key).
 */
@ExtendWith(OutputCaptureExtension.class)
class AccountIsolationTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	private static final String BANNED = "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}";

	private static final String BUSY = "{\"reason\":\"busy\",\"result\":null,\"error_code\":235700}";

	private static final String SENT = "{\"reason\":\"操作成功\",\"result\":{\"sid\":\"s1\",\"fee\":2},\"error_code\":0}";

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void debugLogging() {
		this.loggingSystem.setLogLevel("io.github.juhesms", LogLevel.DEBUG);
	}

	@AfterEach
	void quietLogging() {
		this.loggingSystem.setLogLevel("io.github.juhesms", null);
	}

	private ApplicationContextRunner runner() {
		return NamedAccountsTests.withAccounts(contextRunner())
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					JuheSmsHealthContributorAutoConfiguration.class))
			.withPropertyValues("juhe.sms.financial.enabled=false", "juhe.sms.verification-code.enabled=false",
					"juhe.sms.sms-api.enabled=false", "juhe.sms.video.enabled=false");
	}

	private static void answerKey(String key, String json) {
		wireMock.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing("key=" + key)).willReturn(json(json)));
	}

	@Test
	void oneAccountsBannedKeyStartsItsCoolDownWhileTheOthersKeepSending() {
		answerKey(ACME_KEY, BANNED);
		answerKey(GLOBEX_KEY, SENT);
		answerKey(KEY, SENT);
		runner().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			SendOptions acme = SendOptions.account("acme");
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(REQUEST, acme))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(REQUEST, acme))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isZero());
			assertThatExceptionOfType(JuheSmsCredentialsException.class)
				.isThrownBy(() -> client.forAccount("acme").myTemplates());
			assertThat(client.send(REQUEST, SendOptions.account("globex")).sid()).isEqualTo("s1");
			assertThat(client.send(REQUEST).sid()).isEqualTo("s1");

			// One customer's banned key is not the application's outage: UP, with the
			// account's cool-down shown.
			Health health = context.getBean("juheHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).extractingByKey("international")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("status", "UP")
				.extractingByKey("accounts")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsOnlyKeys("acme")
				.extractingByKey("acme")
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("status", "FAILING_FAST")
				.containsEntry("code", 10001);
			assertThat(health.toString()).doesNotContain(ACME_KEY);
		});
		assertThat(keysSentTo(SEND)).containsExactly(ACME_KEY, GLOBEX_KEY, KEY);
	}

	@Test
	void theDefaultAccountsCoolDownStillTurnsHealthDown() {
		answerKey(KEY, BANNED);
		runner().run((context) -> {
			assertThatExceptionOfType(JuheSmsCredentialsException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			assertThat(context.getBean("juheHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.DOWN);
		});
	}

	@Test
	void oneAccountsEmptiedRetryBudgetLeavesTheOthersRetriesRunning() {
		answerKey(ACME_KEY, BUSY);
		answerKey(GLOBEX_KEY, BUSY);
		runner()
			.withPropertyValues("juhe.sms.retry.max-attempts=2", "juhe.sms.retry.budget.capacity=1",
					"juhe.sms.retry.budget.refill-interval=1h")
			.run((context) -> {
				InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
				SendOptions acme = SendOptions.account("acme");
				assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(REQUEST, acme))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(2));
				// acme's one token is spent: no retry.
				assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(REQUEST, acme))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
				// globex still has its own token.
				assertThatExceptionOfType(JuheSmsBusyException.class)
					.isThrownBy(() -> client.send(REQUEST, SendOptions.account("globex")))
					.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(2));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("juhe.sms.client.retries.denied").tag("account", "acme").counter().count())
					.isEqualTo(1);
				assertThat(registry.find("juhe.sms.client.retries.denied").tag("account", "globex").counter()).isNull();
				assertThat(registry.get("juhe.sms.client.retries").tag("account", "globex").counter().count())
					.isEqualTo(1);
			});
		assertThat(keysSentTo(SEND)).containsExactly(ACME_KEY, ACME_KEY, ACME_KEY, GLOBEX_KEY, GLOBEX_KEY);
	}

	@Test
	void metersEventsAndTheLogLineNameTheAccountAndNeverItsKey(CapturedOutput output) {
		answerKey(ACME_KEY, SENT);
		answerKey(GLOBEX_KEY, "{\"reason\":\"手机号码格式错误\",\"result\":null,\"error_code\":235710}");
		List<JuheSmsSendEvent> events = new ArrayList<>();
		runner()
			.withBean(ApplicationListener.class,
					() -> (ApplicationListener<org.springframework.context.PayloadApplicationEvent<JuheSmsSendEvent>>) (
							event) -> events.add(event.getPayload()))
			.run((context) -> {
				InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
				client.send(REQUEST, SendOptions.account("acme"));
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> client.send(REQUEST, SendOptions.account("globex")));
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(registry.get("juhe.sms.client.requests")
					.tags("account", "acme", "outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("juhe.sms.client.requests")
					.tags("account", "globex", "outcome", "rejected")
					.timer()
					.count()).isEqualTo(1);
				assertThat(registry.get("juhe.sms.client.billed").tag("account", "acme").counter().count())
					.isEqualTo(2);
				assertThat(registry.getMeters())
					.allSatisfy((meter) -> assertThat(meter.getId().toString()).doesNotContain(ACME_KEY)
						.doesNotContain(GLOBEX_KEY));
			});
		assertThat(events).hasSize(2);
		assertThat(events.get(0)).isInstanceOfSatisfying(JuheSmsSentEvent.class,
				(sent) -> assertThat(sent.account()).isEqualTo("acme"));
		assertThat(events.get(1)).isInstanceOfSatisfying(JuheSmsRejectedEvent.class,
				(rejected) -> assertThat(rejected.account()).isEqualTo("globex"));
		assertThat(events.toString()).doesNotContain(ACME_KEY).doesNotContain(GLOBEX_KEY);
		assertThat(output.getAll().lines().filter((line) -> line.contains("Juhe international.send"))).satisfiesExactly(
				(line) -> assertThat(line).contains("account=acme").contains("outcome=success"),
				(line) -> assertThat(line).contains("account=globex").contains("outcome=rejected"));
		assertThat(output.getAll()).doesNotContain(ACME_KEY).doesNotContain(GLOBEX_KEY);
	}

}

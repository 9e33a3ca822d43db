package io.github.juhesms.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.MutableClock;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Per-number send limits: checked before any HTTP call, the carriers' rules by default,
 * permits of sends that surely did not go out given back.
 */
class SendLimitsTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String SENT = success("{\"count\":1,\"fee\":1,\"sid\":\"s1\"}");

	private static final SmsApiRequest TO_A = SmsApiRequest.of("13812345678", 12, java.util.Map.of("code", "1"));

	private static final SmsApiRequest TO_B = SmsApiRequest.of("13912345678", 12, java.util.Map.of("code", "1"));

	private ApplicationContextRunner withLimits() {
		return contextRunner().withPropertyValues("juhe.sms.limits.enabled=true");
	}

	@Test
	void secondSendToANumberWithinAMinuteIsRefusedBeforeAnyCall() {
		answer(SEND, SENT);
		withLimits().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			Instant before = Instant.now();
			client.send(TO_A);
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(TO_A))
				.satisfies((ex) -> {
					assertThat(ex.getRefusals()).singleElement().satisfies((refusal) -> {
						assertThat(refusal.rule()).isEqualTo(new SendLimitRule(1, Duration.ofMinutes(1)));
						assertThat(refusal.retryAt()).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
					});
					assertThat(ex.getMessage()).contains("1 per 1m")
						.contains("next send allowed at")
						.contains("138****5678")
						.doesNotContain("13812345678");
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.isRetryable()).isTrue();
				});
			client.send(TO_B);
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void busyAfterEveryAttemptGivesThePermitBack() {
		answerInTurn(SEND, failure(205409), failure(205409), failure(205409), SENT);
		withLimits().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(() -> client.send(TO_A));
			assertThat(client.send(TO_A).sid()).isEqualTo("s1");
			assertThat(requestsTo(SEND)).hasSize(4);
		});
	}

	@Test
	void rejectedSendGivesThePermitBack() {
		answerInTurn(SEND, failure(205402), SENT);
		withLimits().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send(TO_A));
			client.send(TO_A);
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void connectionThatNeverOpenedGivesThePermitBack() {
		withLimits().withPropertyValues("juhe.sms.base-url=http://localhost:" + TestRedis.freePort()).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> client.send(TO_A))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isFalse());
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> client.send(TO_A));
		});
	}

	@Test
	void sendWhoseOutcomeIsUnknownKeepsThePermit() {
		wireMock.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(SENT).withFixedDelay(1000)));
		withLimits().withPropertyValues("juhe.sms.read-timeout=200ms").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> client.send(TO_A))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(TO_A));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void invalidInputTakesNoPermit() {
		answer(SEND, SENT);
		withLimits().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(new SmsApiRequest("13812345678", 12, java.util.Map.of(), "x")));
			client.send(TO_A);
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void limitsAreOnByDefaultAndOffOnlyByConfiguration() {
		answer(SEND, SENT);
		contextRunner()
			.withPropertyValues("juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=2",
					"juhe.sms.limits.rules[0].window=1h")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				client.send(TO_A);
				client.send(TO_A);
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(TO_A))
					.withMessageContaining("2 per 1h");
			});
		contextRunner().withPropertyValues("juhe.sms.limits.enabled=false").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			for (int i = 0; i < 5; i++) {
				client.send(TO_A);
			}
		});
		assertThat(requestsTo(SEND)).hasSize(7);
	}

	@Test
	void perTemplateLimitsCountEachTemplateApart() {
		answer(SEND, SENT);
		withLimits().withPropertyValues("juhe.sms.limits.per-template=true").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(TO_A);
			client.send(SmsApiRequest.of("13812345678", 13, java.util.Map.of("code", "1")));
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(TO_A));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void financialBatchReportsNumbersOverTheirLimitAndSendsTheRest() {
		answer("/shortLetter/send.php", success("{\"sid\":\"f1\",\"fee\":2}"));
		withLimits().run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			client.send(FinancialSmsRequest.of(List.of("13812345678"), 7));
			FinancialSmsResult result = client
				.send(FinancialSmsRequest.of(List.of("13812345678", "13912345678", "15012345678"), 7));
			assertThat(result.sid()).isEqualTo("f1");
			assertThat(result.limited()).singleElement()
				.satisfies((refusal) -> assertThat(refusal.mobile()).isEqualTo("13812345678"));
			assertThat(form(requestsTo("/shortLetter/send.php").get(1))).containsEntry("mobile",
					"13912345678,15012345678");
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> client.send(FinancialSmsRequest.of(List.of("13812345678"), 7)))
				.satisfies((ex) -> assertThat(ex.getRefusals()).hasSize(1));
			assertThat(requestsTo("/shortLetter/send.php")).hasSize(2);
		});
	}

	@Test
	void slidingWindowsFollowTheCarriersRulesExactly() {
		MutableClock clock = new MutableClock();
		InMemorySendLimitStore store = new InMemorySendLimitStore(100, Duration.ofDays(1), clock);
		List<SendLimitRule> rules = List.of(new SendLimitRule(1, Duration.ofMinutes(1)),
				new SendLimitRule(3, Duration.ofMinutes(10)), new SendLimitRule(4, Duration.ofHours(1)),
				new SendLimitRule(20, Duration.ofDays(1)));
		Instant start = clock.instant();
		assertThat(store.tryAcquire("k", "p1", rules)).isNull();
		clock.advance(Duration.ofSeconds(30));
		assertThat(store.tryAcquire("k", "p2", rules))
			.isEqualTo(new SendLimitStore.Refusal(rules.get(0), start.plusSeconds(60)));
		clock.advance(Duration.ofSeconds(30));
		assertThat(store.tryAcquire("k", "p2", rules)).isNull();
		clock.advance(Duration.ofSeconds(60));
		assertThat(store.tryAcquire("k", "p3", rules)).isNull();
		// Three in ten minutes: the fourth waits until the first leaves the window,
		// though a minute passed.
		clock.advance(Duration.ofSeconds(60));
		assertThat(store.tryAcquire("k", "p4", rules))
			.isEqualTo(new SendLimitStore.Refusal(rules.get(1), start.plusSeconds(600)));
		clock.advance(Duration.ofSeconds(420));
		assertThat(store.tryAcquire("k", "p4", rules)).isNull();
		// Four in an hour: the fifth waits for the hour.
		clock.advance(Duration.ofSeconds(700));
		assertThat(store.tryAcquire("k", "p5", rules))
			.isEqualTo(new SendLimitStore.Refusal(rules.get(2), start.plusSeconds(3600)));
		store.release("k", "p4");
		assertThat(store.tryAcquire("k", "p5", rules)).isNull();
	}

	@Test
	void longestWindowIsTheLongestRulesWindowOrTheGivenDefault() {
		List<SendLimitRule> rules = List.of(new SendLimitRule(3, Duration.ofMinutes(10)),
				new SendLimitRule(20, Duration.ofDays(1)), new SendLimitRule(1, Duration.ofMinutes(1)));
		assertThat(SendLimitRule.longestWindow(rules, Duration.ZERO)).isEqualTo(Duration.ofDays(1));
		assertThat(SendLimitRule.longestWindow(List.of(), Duration.ofMillis(1))).isEqualTo(Duration.ofMillis(1));
	}

	@Test
	void inMemoryStoreIsBoundedInSize() {
		MutableClock clock = new MutableClock();
		InMemorySendLimitStore store = new InMemorySendLimitStore(1_000, Duration.ofDays(1), clock);
		List<SendLimitRule> rules = List.of(new SendLimitRule(1, Duration.ofMinutes(1)));
		SendLimitStore.Refusal withinTheMinute = new SendLimitStore.Refusal(rules.get(0),
				clock.instant().plusSeconds(60));
		assertThat(store.tryAcquire("bombed", "first", rules)).isNull();
		for (int i = 0; i < 50_000; i++) {
			assertThat(store.tryAcquire("number-" + i, "p", rules)).isNull();
			// A number asked for again and again among many others stays limited.
			if (i % 100 == 0) {
				assertThat(store.tryAcquire("bombed", "again-" + i, rules)).isEqualTo(withinTheMinute);
			}
		}
		assertThat(store.trackedKeys()).isPositive().isLessThanOrEqualTo(1_000);
		// The number sent to last is tracked too.
		clock.advance(Duration.ofSeconds(1));
		assertThat(store.tryAcquire("number-49999", "p2", rules)).isEqualTo(withinTheMinute);
	}

}

package io.github.juhesms.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.event.JuheSmsSpendCapReachedEvent;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.SpendCap;
import io.github.juhesms.store.SpendCapWindow;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.test.Concurrently;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.event.EventListener;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Spend caps in memory: billed units per product, account and area per calendar hour, day
 * and month in China, refused before any HTTP call, given back when a send surely did not
 * go out, with gauges and an event.
 */
class SpendCapsTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String SENT = success("{\"count\":1,\"fee\":1,\"sid\":\"s1\"}");

	// 2026-11-27T00:00:00Z is 08:00 on 27 November in China.
	private final MutableClock clock = new MutableClock();

	private final List<JuheSmsSpendCapReachedEvent> events = new CopyOnWriteArrayList<>();

	private ApplicationContextRunner withCaps(String... caps) {
		return contextRunner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(Listener.class, () -> new Listener(this.events))
			.withPropertyValues(caps);
	}

	// The store's windows on a clock the test moves.
	private ApplicationContextRunner atTestTime(String... caps) {
		return withCaps(caps).withBean(SendLimitStore.class,
				() -> new InMemorySendLimitStore(1000, Duration.ofDays(1), this.clock));
	}

	private static SmsApiRequest to(int number) {
		return SmsApiRequest.of(String.format("138000%05d", number), 12, Map.of("code", "1"));
	}

	@Test
	void aSendOverTheCapIsRefusedBeforeAnyRequestNamingTheCapAndWhenItResets() {
		answer(SEND, SENT);
		atTestTime("juhe.sms.sms-api.spend-caps.daily=2").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(to(1));
			client.send(to(2));
			assertThat(requestsTo(SEND)).hasSize(2);
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(3)))
				.satisfies((ex) -> {
					assertThat(ex.getCap())
						.isEqualTo(new SpendCap(JuheProduct.SMS_API, "default", SpendCapWindow.DAILY, null, 2));
					assertThat(ex.getUsed()).isEqualTo(2);
					assertThat(ex.getUnits()).isEqualTo(1);
					// Midnight of 28 November in China.
					assertThat(ex.getResetsAt()).isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
					assertThat(ex.getMessage()).isEqualTo("sms-api.send: not sent, over the sms-api account default "
							+ "daily cap of 2 billed units: 2 used, 1 more asked; resets at 2026-11-27T16:00:00Z "
							+ "(2026-11-28 00:00 UTC+8)");
					assertThat(ex.getCategory()).isEqualTo(JuheSmsErrorCategory.SPEND_CAP);
					assertThat(ex.isRefusedLocally()).isTrue();
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.isRetryable()).isTrue();
				});
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void eachWindowResetsAtTheEndOfItsCalendarPeriodInChina() {
		answer(SEND, SENT);
		atTestTime("juhe.sms.sms-api.spend-caps.hourly=1", "juhe.sms.sms-api.spend-caps.daily=2",
				"juhe.sms.sms-api.spend-caps.monthly=3")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				client.send(to(1));
				assertRefused(client, SpendCapWindow.HOURLY, "2026-11-27T01:00:00Z");
				this.clock.advance(Duration.ofHours(1));
				client.send(to(2));
				assertRefused(client, SpendCapWindow.DAILY, "2026-11-27T16:00:00Z");
				this.clock.advance(Duration.ofHours(15));
				client.send(to(3));
				// 1 December, 00:00 in China.
				assertRefused(client, SpendCapWindow.MONTHLY, "2026-11-30T16:00:00Z");
				this.clock.advance(Duration.ofDays(3).minusMillis(1));
				assertRefused(client, SpendCapWindow.MONTHLY, "2026-11-30T16:00:00Z");
				this.clock.advance(Duration.ofMillis(1));
				client.send(to(4));
				assertThat(requestsTo(SEND)).hasSize(4);
			});
	}

	private static void assertRefused(SmsApiClient client, SpendCapWindow window, String resetsAt) {
		assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(99)))
			.satisfies((ex) -> {
				assertThat(ex.getCap().window()).isEqualTo(window);
				assertThat(ex.getResetsAt()).isEqualTo(Instant.parse(resetsAt));
			});
	}

	@Test
	void unitsAreGivenBackWhenTheSendSurelyDidNotGoOutAndKeptWhenItMayHave() {
		answerInTurn(SEND, failure(205401), SENT);
		withCaps("juhe.sms.sms-api.spend-caps.daily=2").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send(to(1)));
			client.send(to(2));
			wireMock
				.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> client.send(to(3)))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			answer(SEND, SENT);
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(4)))
				.satisfies((ex) -> assertThat(ex.getUsed()).isEqualTo(2));
			assertThat(requestsTo(SEND)).hasSize(3);
		});
	}

	@Test
	void aSendTakesItsBilledUnitsForEachRecipient() {
		answer(SEND, SENT);
		withCaps("juhe.sms.sms-api.spend-caps.daily=7").run((context) -> {
			JuheProductApi api = context.getBean(JuheProductApiFactory.class).create(JuheProduct.SMS_API, List.of());
			JuheOperation send = SmsApiClient.SEND;
			Callable<Object> threeUnits = () -> api.call(JuheCall
				.send(send, new JuheForm().add("mobile", "13800000001"), List.of("13800000001"), 12, SendOptions.NONE)
				.withBilledUnits(3), (result) -> result);
			threeUnits.call();
			threeUnits.call();
			assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(threeUnits::call).satisfies((ex) -> {
				assertThat(ex.getUsed()).isEqualTo(6);
				assertThat(ex.getUnits()).isEqualTo(3);
				assertThat(ex.getMessage()).contains("6 used, 3 more asked");
			});
			assertThat(requestsTo(SEND)).hasSize(2);
			JuheCall call = JuheCall.send(send, new JuheForm(), List.of("13800000001"), 12, SendOptions.NONE);
			assertThatIllegalArgumentException().isThrownBy(() -> call.withBilledUnits(0))
				.withMessage("sms-api.send: billed units must be at least 1, was 0");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> JuheCall
					.of(JuheOperation.query(JuheProduct.INTERNATIONAL, "areaCode", "/areaCode"), new JuheForm())
					.withAreaCode("44"))
				.withMessageContaining("is not a send");
		});
	}

	@Test
	void internationalSendsTakeUnitsFromTheirAreasCapAndTheProducts() {
		String send = "/smsInternational/send";
		answer(send, success("{\"sid\":\"s\",\"fee\":3}"));
		withCaps("juhe.sms.international.spend-caps.daily=3", "juhe.sms.international.spend-caps.per-area.44.daily=1")
			.run((context) -> {
				InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
				client.send(InternationalSmsRequest.of("44", "7911123456", 12));
				assertThatExceptionOfType(JuheSmsSpendCapException.class)
					.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "7911123457", 12)))
					.satisfies((ex) -> {
						assertThat(ex.getCap().areaCode()).isEqualTo("44");
						assertThat(ex.getMessage()).contains("international account default area 44 daily cap of 1");
					});
				client.send(InternationalSmsRequest.of("1", "2025550123", 12));
				client.send(InternationalSmsRequest.of("1", "2025550124", 12));
				assertThatExceptionOfType(JuheSmsSpendCapException.class)
					.isThrownBy(() -> client.send(InternationalSmsRequest.of("1", "2025550125", 12)))
					.satisfies((ex) -> {
						assertThat(ex.getCap().areaCode()).isNull();
						assertThat(ex.getUsed()).isEqualTo(3);
					});
				assertThat(requestsTo(send)).hasSize(3);
			});
	}

	@Test
	void aFinancialBatchTheCapCannotTakeWholeIsRefusedWhole() {
		String send = "/shortLetter/send.php";
		answer(send, success("{\"sid\":\"s\",\"fee\":2}"));
		withCaps("juhe.sms.financial.spend-caps.daily=3").run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			client.send(FinancialSmsRequest.of(List.of("13800000001", "13800000002"), 12));
			assertThatExceptionOfType(JuheSmsSpendCapException.class)
				.isThrownBy(() -> client.send(FinancialSmsRequest.of(List.of("13800000003", "13800000004"), 12)))
				.satisfies((ex) -> assertThat(ex.getUsed()).isEqualTo(3));
			assertThat(requestsTo(send)).hasSize(1);
			// The batch's first number gave its unit back.
			client.send(FinancialSmsRequest.of(List.of("13800000003"), 12));
			assertThat(requestsTo(send)).hasSize(2);
			assertThat(form(requestsTo(send).get(1))).containsEntry("mobile", "13800000003");
		});
	}

	@Test
	void anAccountsCapsReplaceTheProductsWindowByWindowAndCountItsSendsAlone() {
		answer(SEND, SENT);
		withCaps("juhe.sms.sms-api.spend-caps.daily=2", "juhe.sms.sms-api.spend-caps.hourly=2",
				"juhe.sms.accounts.acme.key=acme-key-0123456789abcdef",
				"juhe.sms.accounts.acme.sms-api.spend-caps.daily=1")
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				SmsApiClient acme = client.forAccount("acme");
				acme.send(to(1));
				assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> acme.send(to(2)))
					.satisfies((ex) -> assertThat(ex.getCap())
						.isEqualTo(new SpendCap(JuheProduct.SMS_API, "acme", SpendCapWindow.DAILY, null, 1)));
				client.send(to(3));
				client.send(to(4));
				assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(5)))
					.satisfies((ex) -> assertThat(ex.getCap().account()).isEqualTo("default"));
				assertThat(requestsTo(SEND)).hasSize(3);
			});
	}

	@Test
	void gaugesShowWhatIsLeftAndReachingACapPublishesOneEventPerPeriod() {
		answer(SEND, SENT);
		// The application's limiter, to put the gauges on the test's clock too.
		SpendCaps caps = new SpendCaps(Map.of(JuheProduct.SMS_API, new SpendCapLimits(2L, 3L, null)), Map.of(),
				Map.of());
		MeterRegistry meters = new SimpleMeterRegistry();
		SpendCapMonitor monitor = new SpendCapMonitor(meters,
				(event) -> this.events.add((JuheSmsSpendCapReachedEvent) event), this.clock);
		contextRunner().withBean(MeterRegistry.class, () -> meters)
			.withBean(SendLimiter.class,
					() -> new SlidingWindowSendLimiter(new InMemorySendLimitStore(1000, Duration.ofDays(1), this.clock),
							List.of(), Map.of(), false, StoreDigest.random(), true, caps, monitor))
			.run((context) -> {
				SmsApiClient client = context.getBean(SmsApiClient.class);
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				client.send(to(1));
				assertThat(remaining(registry, "hourly")).isEqualTo(1);
				assertThat(remaining(registry, "daily")).isEqualTo(2);
				assertThat(this.events).isEmpty();
				client.send(to(2));
				assertThat(remaining(registry, "hourly")).isZero();
				assertThat(this.events).singleElement()
					.isEqualTo(new JuheSmsSpendCapReachedEvent(JuheProduct.SMS_API, "default", SpendCapWindow.HOURLY,
							null, 2, 2, Instant.parse("2026-11-27T01:00:00Z")));
				assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(3)));
				assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> client.send(to(3)));
				assertThat(this.events).hasSize(1);
				this.clock.advance(Duration.ofHours(1));
				// The hour shown has ended: its cap is whole again.
				assertThat(remaining(registry, "hourly")).isEqualTo(2);
				client.send(to(3));
				assertThat(remaining(registry, "hourly")).isEqualTo(1);
				assertThat(remaining(registry, "daily")).isZero();
				assertThat(this.events).hasSize(2)
					.last()
					.returns(SpendCapWindow.DAILY, JuheSmsSpendCapReachedEvent::window)
					.returns(Instant.parse("2026-11-27T16:00:00Z"), JuheSmsSpendCapReachedEvent::resetsAt);
				assertThat(registry.find(SpendCapMonitor.REMAINING).gauges()).hasSize(2)
					.allSatisfy((gauge) -> assertThat(gauge.getId().getTags()).extracting("key")
						.containsExactlyInAnyOrder("product", "account", "window", "area"));
			});
	}

	private static double remaining(MeterRegistry registry, String window) {
		return registry.get(SpendCapMonitor.REMAINING)
			.tags("product", "sms-api", "account", "default", "window", window, "area", "all")
			.gauge()
			.value();
	}

	@Test
	void theCapHoldsExactlyUnderSixteenConcurrentSenders() throws Exception {
		answer(SEND, SENT);
		withCaps("juhe.sms.sms-api.spend-caps.daily=50").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			List<Object> outcomes = Concurrently.run(200, (i) -> {
				try {
					return client.send(to(i));
				}
				catch (JuheSmsSpendCapException ex) {
					return ex;
				}
			});
			assertThat(outcomes.stream().filter(JuheSmsSpendCapException.class::isInstance)).hasSize(150);
			assertThat(requestsTo(SEND)).hasSize(50);
			assertThat(remaining(context.getBean(MeterRegistry.class), "daily")).isZero();
			assertThat(this.events).hasSize(1);
		});
	}

	static class Listener {

		private final List<JuheSmsSpendCapReachedEvent> events;

		Listener(List<JuheSmsSpendCapReachedEvent> events) {
			this.events = events;
		}

		@EventListener
		void reached(JuheSmsSpendCapReachedEvent event) {
			this.events.add(event);
		}

	}

}

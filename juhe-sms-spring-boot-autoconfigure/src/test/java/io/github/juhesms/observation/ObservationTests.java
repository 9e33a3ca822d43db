package io.github.juhesms.observation;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.observation.DefaultJuheSmsObservationConvention;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.github.juhesms.test.JuheWireMockTests;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observation of a call, the meters it records, and the retry and billing counters.
 */
class ObservationTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final String BUSY = "{\"reason\":\"网络繁忙，请稍后重试\",\"result\":null,\"error_code\":235700}";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	private ApplicationContextRunner withMetrics() {
		return contextRunner().withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, RestClientObservationAutoConfiguration.class));
	}

	@Test
	void successRecordsOneTimedCallWithLowCardinalityTagsAndTheBilledFee() {
		answer(SEND, "{\"reason\":\"操作成功\",\"result\":{\"sid\":\"s1\",\"fee\":3},\"error_code\":0}");
		withMetrics().run((context) -> {
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = registry.get("juhe.sms.client.requests")
				.tag("product", "international")
				.tag("operation", "send")
				.tag("outcome", "success")
				.tag("error.code", "0")
				.timer();
			assertThat(timer.count()).isEqualTo(2);
			assertThat(registry.get("juhe.sms.client.billed").tag("product", "international").counter().count())
				.isEqualTo(6.0);
			assertThat(registry.find("juhe.sms.client.retries").counters()).isEmpty();
			assertThat(registry.get("juhe.sms.client.requests").meters())
				.allSatisfy((meter) -> assertThat(meter.getId().getTags().toString()).doesNotContain("7911123456")
					.doesNotContain("s1"));
		});
	}

	@Test
	void callInFlightIsCountedAsActiveWithoutAnOutcomeYet() throws Exception {
		wireMock.stubFor(post(urlPathEqualTo(SEND))
			.willReturn(json("{\"reason\":\"操作成功\",\"result\":{\"sid\":\"s1\",\"fee\":1},\"error_code\":0}")
				.withFixedDelay(1500)));
		withMetrics().run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			CompletableFuture<?> send = CompletableFuture
				.runAsync(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			LongTaskTimer active = awaitActiveCall(registry);
			assertThat(active.getId().getTags()).containsExactlyInAnyOrder(Tag.of("product", "international"),
					Tag.of("operation", "send"), Tag.of("account", "default"));
			send.get(5, TimeUnit.SECONDS);
			assertThat(active.activeTasks()).isZero();
			assertThat(registry.get("juhe.sms.client.requests").tag("outcome", "success").timer().count()).isEqualTo(1);
		});
	}

	@Test
	void callEndedByAnUnexpectedExceptionIsTaggedLikeEveryOtherEndedCall() {
		answer(SEND, "{\"reason\":\"操作成功\",\"result\":{\"sid\":\"s1\",\"fee\":1},\"error_code\":0}");
		withMetrics().run((context) -> {
			JuheProductApi api = context.getBean(JuheProductApiFactory.class)
				.create(JuheProduct.INTERNATIONAL, KEY, List.of());
			JuheOperation send = JuheOperation.send(JuheProduct.INTERNATIONAL, "send", "/send");
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> api.call(JuheCall.send(send, new JuheForm().add("mobile", "7911123456"),
						List.of("447911123456"), 1, SendOptions.NONE), (result) -> {
							throw new IllegalStateException("mapper bug");
						}));
			Timer timer = context.getBean(MeterRegistry.class)
				.get("juhe.sms.client.requests")
				.tag("outcome", "error")
				.tag("error.code", "none")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
		});
	}

	private static LongTaskTimer awaitActiveCall(MeterRegistry registry) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			LongTaskTimer active = registry.find("juhe.sms.client.requests.active").longTaskTimer();
			if (active != null && active.activeTasks() == 1) {
				return active;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("No active juhe.sms.client.requests call was recorded");
	}

	@Test
	void busyRecordsRetriesByCodeAndOneBusyCall() {
		answer(SEND, BUSY);
		withMetrics().run((context) -> {
			assertThatExceptionOfType(JuheSmsBusyException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("juhe.sms.client.requests")
				.tag("outcome", "busy")
				.tag("error.code", "235700")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("juhe.sms.client.retries")
				.tag("product", "international")
				.tag("operation", "send")
				.tag("error.code", "235700")
				.counter()
				.count()).isEqualTo(2.0);
			assertThat(registry.find("juhe.sms.client.billed").counters()).isEmpty();
			// Boot's RestClient observation sees each attempt.
			assertThat(registry.get("http.client.requests").tag("uri", SEND).timer().count()).isEqualTo(3);
		});
	}

	@Test
	void busyThenSuccessCountsOneRetryAndOneSuccess() {
		answerInTurn(SEND, BUSY, example("international.txt", 1));
		withMetrics().run((context) -> {
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("juhe.sms.client.retries").counter().count()).isEqualTo(1.0);
			assertThat(registry.get("juhe.sms.client.requests").tag("outcome", "success").timer().count()).isEqualTo(1);
			assertThat(registry.get("juhe.sms.client.billed").counter().count()).isEqualTo(1.0);
		});
	}

	@Test
	void rejectionAndUnknownOutcomeAreTaggedApart() {
		answer(SEND, "{\"reason\":\"手机号码格式错误\",\"result\":null,\"error_code\":235710}");
		answer("/smsInternational/submitTpl", "");
		withMetrics().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send(REQUEST));
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
				.isThrownBy(() -> client.submitTemplate("聚合", "内容"));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("juhe.sms.client.requests")
				.tag("operation", "send")
				.tag("outcome", "rejected")
				.tag("error.code", "235710")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("juhe.sms.client.requests")
				.tag("operation", "submitTpl")
				.tag("outcome", "unknown")
				.tag("error.code", "none")
				.timer()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void customConventionReplacesTheDefault() {
		answer(SEND, example("international.txt", 1));
		withMetrics().withBean(JuheSmsObservationConvention.class, () -> new DefaultJuheSmsObservationConvention() {
			@Override
			public String getName() {
				return "sms.sends";
			}
		}).run((context) -> {
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("sms.sends").tag("outcome", "success").timer().count()).isEqualTo(1);
			assertThat(registry.find("juhe.sms.client.requests").timers()).isEmpty();
		});
	}

	@Test
	void highCardinalityKeysCarryTemplateAndSidButNoMobile() {
		answer(SEND, example("international.txt", 1));
		io.micrometer.observation.tck.TestObservationRegistry registry = io.micrometer.observation.tck.TestObservationRegistry
			.create();
		java.util.List<io.micrometer.observation.Observation.Context> stopped = new java.util.ArrayList<>();
		registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
			@Override
			public boolean supportsContext(io.micrometer.observation.Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(io.micrometer.observation.Observation.Context context) {
				stopped.add(context);
			}
		});
		contextRunner().withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("juhe.sms.client.requests")
				.that()
				.hasHighCardinalityKeyValue("juhe.sms.template.id", "12")
				.hasHighCardinalityKeyValue("juhe.sms.sid", "20190326142208")
				.hasHighCardinalityKeyValue("juhe.sms.attempts", "1")
				.hasContextualNameEqualTo("juhe.sms international.send");
			assertThat(stopped).singleElement()
				.satisfies((stop) -> assertThat(stop.getAllKeyValues().toString()).contains("international")
					.doesNotContain("7911123456")
					.doesNotContain(KEY));
		});
	}

	@Test
	void worksWithoutAnyRegistry() {
		answer(SEND, example("international.txt", 1));
		contextRunner().run((context) -> {
			assertThat(context).doesNotHaveBean(MeterRegistry.class);
			assertThat(context.getBean(InternationalSmsClient.class).send(REQUEST).sid()).isEqualTo("20190326142208");
		});
	}

}

package io.github.juhesms.call;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.juhesms.autoconfigure.JuheSmsRestClientCustomizer;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.international.InternationalSmsResult;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What is retried and what is not: only answers that mean Juhe did not accept the
 * request, and connections that never opened; a send whose answer was lost is never
 * resent.
 */
class RetryTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final String BUSY = "{\"reason\":\"网络繁忙，请稍后重试\",\"result\":null,\"error_code\":235700}";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	@Test
	void busyThenSuccessIsRetriedOnceAndReturnsOneResult() {
		answerInTurn(SEND, BUSY, example("international.txt", 1));
		contextRunner().run((context) -> {
			InternationalSmsResult result = context.getBean(InternationalSmsClient.class).send(REQUEST);
			assertThat(result.sid()).isEqualTo("20190326142208");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void secondBusyCodeIsRetriedToo() {
		answerInTurn(SEND, "{\"reason\":\"系统繁忙,请稍后重试\",\"result\":null,\"error_code\":235712}",
				example("international.txt", 1));
		contextRunner().run((context) -> {
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void busyOnEveryAttemptMakesMaxAttemptsRequests() {
		answer(SEND, BUSY);
		contextRunner().withPropertyValues("juhe.sms.retry.max-attempts=4").run((context) -> {
			assertThatExceptionOfType(JuheSmsBusyException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.getErrorCode()).isEqualTo(235700);
					assertThat(ex.getAttempts()).isEqualTo(4);
				});
			assertThat(requestsTo(SEND)).hasSize(4);
		});
	}

	@Test
	void maxAttemptsOfOneTurnsRetriesOff() {
		answer(SEND, BUSY);
		contextRunner().withPropertyValues("juhe.sms.retry.max-attempts=1").run((context) -> {
			assertThatExceptionOfType(JuheSmsBusyException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void nonBusyCodeIsNotRetried() {
		answer(SEND, "{\"reason\":\"手机号码格式错误\",\"result\":null,\"error_code\":235710}");
		contextRunner().run((context) -> {
			assertThatExceptionOfType(JuheSmsRejectedException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void busyCodesArePerProductConfiguration() {
		answer(SEND, BUSY);
		contextRunner().withPropertyValues("juhe.sms.international.busy-codes=235712").run((context) -> {
			// 235700 is filed as busy by the catalog, but no longer configured: not
			// retried.
			assertThatExceptionOfType(JuheSmsBusyException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1))
				.satisfies((ex) -> assertThat(ex.isRefusedLocally()).isFalse());
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void connectionRefusedThenUpIsRetried() throws IOException {
		int port = freePort();
		WireMockServer late = new WireMockServer(options().port(port));
		late.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(example("international.txt", 1))));
		AtomicInteger attempts = new AtomicInteger();
		// Nothing listens for the first attempt; the server comes up before the second.
		JuheSmsRestClientCustomizer startOnSecondAttempt = (builder) -> builder
			.requestInterceptor((request, body, execution) -> {
				if (attempts.incrementAndGet() == 2) {
					late.start();
				}
				return execution.execute(request, body);
			});
		try {
			contextRunner().withPropertyValues("juhe.sms.base-url=http://localhost:" + port)
				.withBean(JuheSmsRestClientCustomizer.class, () -> startOnSecondAttempt)
				.run((context) -> {
					InternationalSmsResult result = context.getBean(InternationalSmsClient.class).send(REQUEST);
					assertThat(result.sid()).isEqualTo("20190326142208");
					assertThat(attempts).hasValue(2);
					assertThat(late.findAll(postRequestedFor(urlPathEqualTo(SEND)))).hasSize(1);
				});
		}
		finally {
			late.stop();
		}
	}

	@Test
	void connectionRefusedOnEveryAttemptIsATransportFailureThatSurelyDidNotSend() throws IOException {
		contextRunner().withPropertyValues("juhe.sms.base-url=http://localhost:" + freePort()).run((context) -> {
			assertThatExceptionOfType(JuheSmsTransportException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.isConnectionOpened()).isFalse();
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.isRetryable()).isTrue();
					assertThat(ex.getAttempts()).isEqualTo(3);
				});
		});
	}

	@Test
	void sendTimingOutIsNotResentAndItsOutcomeIsUnknown() {
		wireMock
			.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(example("international.txt", 1)).withFixedDelay(1500)));
		contextRunner().withPropertyValues("juhe.sms.read-timeout=300ms").run((context) -> {
			assertThatExceptionOfType(JuheSmsTransportException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isTrue();
					assertThat(ex.isConnectionOpened()).isTrue();
					assertThat(ex.isRetryable()).isFalse();
					assertThat(ex.getAttempts()).isEqualTo(1);
					assertThat(ex.getMessage()).contains("outcome unknown");
				});
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void templateListTimingOutIsRetried() {
		wireMock.stubFor(post(urlPathEqualTo("/smsInternational/myTemplates"))
			.willReturn(json(example("international.txt", 3)).withFixedDelay(1500)));
		contextRunner().withPropertyValues("juhe.sms.read-timeout=300ms").run((context) -> {
			assertThatExceptionOfType(JuheSmsTransportException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).myTemplates())
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.getAttempts()).isEqualTo(3);
				});
			assertThat(requestsTo("/smsInternational/myTemplates")).hasSize(3);
		});
	}

	@Test
	void templateListTimingOutOnceThenAnsweringSucceeds() {
		wireMock.stubFor(post(urlPathEqualTo("/smsInternational/myTemplates")).inScenario("slow")
			.willReturn(json(example("international.txt", 3)).withFixedDelay(1500))
			.willSetStateTo("fast"));
		wireMock.stubFor(post(urlPathEqualTo("/smsInternational/myTemplates")).inScenario("slow")
			.whenScenarioStateIs("fast")
			.willReturn(json(example("international.txt", 3))));
		contextRunner().withPropertyValues("juhe.sms.read-timeout=300ms").run((context) -> {
			assertThat(context.getBean(InternationalSmsClient.class).myTemplates()).hasSize(2);
			assertThat(requestsTo("/smsInternational/myTemplates")).hasSize(2);
		});
	}

	@Test
	void serverErrorOnASendIsNotRetriedAndItsOutcomeIsUnknown() {
		wireMock.stubFor(post(urlPathEqualTo(SEND))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(503).withBody("busy")));
		contextRunner().run((context) -> {
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.getHttpStatus()).isEqualTo(503);
					assertThat(ex.isOutcomeUnknown()).isTrue();
				});
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void serverErrorOnAReadIsRetried() {
		wireMock.stubFor(post(urlPathEqualTo("/smsInternational/areaCode"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(502)));
		contextRunner().run((context) -> {
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).areaCodes());
			assertThat(requestsTo("/smsInternational/areaCode")).hasSize(3);
		});
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

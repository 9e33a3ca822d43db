package io.github.juhesms.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiResult;
import io.github.juhesms.store.StoredSend;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sends with an idempotency key: a repeat returns the first result (or its unknown
 * outcome) without calling Juhe; concurrent calls with one key make one request.
 */
class IdempotencyTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1234"));

	private static final SendOptions ORDER_42 = SendOptions.idempotencyKey("order-42");

	@Test
	void repeatReturnsTheFirstResultWithoutCallingJuhe() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"first\"}"));
		contextRunner().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			SmsApiResult first = client.send(REQUEST, ORDER_42);
			SmsApiResult repeat = client.send(REQUEST, ORDER_42);
			assertThat(repeat).isEqualTo(first);
			assertThat(repeat.sid()).isEqualTo("first");
			client.send(REQUEST, SendOptions.idempotencyKey("order-43"));
			client.send(REQUEST);
			assertThat(requestsTo(SEND)).hasSize(3);
		});
	}

	@Test
	void repeatOfAnUnknownOutcomeIsReportedAndNotSent() {
		wireMock.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(success("{\"sid\":\"x\"}")).withFixedDelay(1000)));
		contextRunner().withPropertyValues("juhe.sms.read-timeout=200ms").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> client.send(REQUEST, ORDER_42))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			assertThatExceptionOfType(JuheSmsDuplicateSendException.class)
				.isThrownBy(() -> client.send(REQUEST, ORDER_42))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isTrue();
					assertThat(ex.getState()).isEqualTo(StoredSend.State.OUTCOME_UNKNOWN);
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.getMessage()).contains("unknown outcome");
				});
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void repeatOfASendThatSurelyDidNotGoOutSends() {
		answerInTurn(SEND, failure(205402), success("{\"sid\":\"second\"}"));
		contextRunner().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send(REQUEST, ORDER_42));
			assertThat(client.send(REQUEST, ORDER_42).sid()).isEqualTo("second");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void concurrentCallsWithOneKeyMakeOneRequest() {
		wireMock
			.stubFor(post(urlPathEqualTo(SEND)).willReturn(json(success("{\"sid\":\"only\"}")).withFixedDelay(300)));
		contextRunner().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			ExecutorService threads = Executors.newFixedThreadPool(10);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<SmsApiResult>> results = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				results.add(threads.submit(() -> {
					start.await();
					return client.send(REQUEST, ORDER_42);
				}));
			}
			start.countDown();
			for (Future<SmsApiResult> result : results) {
				assertThat(result.get().sid()).isEqualTo("only");
			}
			threads.shutdown();
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void afterTheWindowTheKeyIsForgotten() {
		answer(SEND, success("{\"sid\":\"s\"}"));
		contextRunner().withPropertyValues("juhe.sms.idempotency.window=200ms").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(REQUEST, ORDER_42);
			client.send(REQUEST, ORDER_42);
			Thread.sleep(400);
			client.send(REQUEST, ORDER_42);
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void keysAreScopedByProduct() {
		answer(SEND, success("{\"sid\":\"api\"}"));
		answer("/caixinv2/send", success("{\"sid\":\"video\"}"));
		contextRunner().run((context) -> {
			assertThat(context.getBean(SmsApiClient.class).send(REQUEST, ORDER_42).sid()).isEqualTo("api");
			assertThat(context.getBean(VideoSmsClient.class).send("13812345678", 7, ORDER_42).sid()).isEqualTo("video");
		});
	}

	@Test
	void carrierAwareSendDerivesAKeyPerGroupSoARepeatSendsNothing() {
		answer("/shortLetter/mobileGroup.php",
				success("{\"a\":[\"13812345678\"],\"b\":[\"13012345678\"],\"c\":[],\"unknown\":null}"));
		answer("/shortLetter/send.php", success("{\"sid\":\"f\",\"fee\":1}"));
		contextRunner().run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			List<String> mobiles = List.of("13812345678", "13012345678");
			client.sendByCarrier(CarrierTemplates.allNetworks(9), mobiles, Map.of(), ORDER_42);
			assertThat(client.sendByCarrier(CarrierTemplates.allNetworks(9), mobiles, Map.of(), ORDER_42).isAllSent())
				.isTrue();
			assertThat(requestsTo("/shortLetter/send.php")).hasSize(2);
		});
	}

}

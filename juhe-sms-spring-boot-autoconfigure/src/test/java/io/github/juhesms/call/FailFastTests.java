package io.github.juhesms.call;

import java.time.Duration;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsCredentialsException;
import io.github.juhesms.error.JuheSmsQuotaException;
import io.github.juhesms.error.JuheSmsServiceUnavailableException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.MutableClock;
import org.junit.jupiter.api.Test;

import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * After an answer that will not change by retrying soon, the product fails fast without
 * HTTP for a cool-down, then calls Juhe again.
 */
class FailFastTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	@Test
	void badKeyRefusesEveryCallOfTheProductWithoutHttp() {
		answer(SEND, "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		contextRunner().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(REQUEST))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(1));
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(REQUEST))
				.satisfies((ex) -> {
					assertThat(ex.getErrorCode()).isEqualTo(10001);
					assertThat(ex.getAttempts()).isZero();
					assertThat(ex.getMessage()).contains("not sent: failing fast until");
				});
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(client::myTemplates);
			assertThat(requestsTo(SEND)).hasSize(1);
			assertThat(wireMock.getAllServeEvents()).hasSize(1);
		});
	}

	@Test
	void afterTheCooldownJuheIsCalledAgain() {
		answerInTurn(SEND, "{\"reason\":\"接口维护\",\"result\":null,\"error_code\":10020}",
				example("international.txt", 1));
		contextRunner().withPropertyValues("juhe.sms.fail-fast.cooldown=300ms").run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsServiceUnavailableException.class).isThrownBy(() -> client.send(REQUEST));
			assertThatExceptionOfType(JuheSmsServiceUnavailableException.class).isThrownBy(() -> client.send(REQUEST))
				.satisfies((ex) -> assertThat(ex.getAttempts()).isZero());
			Thread.sleep(500);
			assertThat(client.send(REQUEST).sid()).isEqualTo("20190326142208");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void otherCodesDoNotStartACooldown() {
		answer(SEND, "{\"reason\":\"请求超过次数限制\",\"result\":null,\"error_code\":10012}");
		contextRunner().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsQuotaException.class).isThrownBy(() -> client.send(REQUEST));
			assertThatExceptionOfType(JuheSmsQuotaException.class).isThrownBy(() -> client.send(REQUEST));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void zeroCooldownTurnsFailingFastOff() {
		answer(SEND, "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		contextRunner().withPropertyValues("juhe.sms.fail-fast.cooldown=0").run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(REQUEST));
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(REQUEST));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void everyDefaultCodeStartsACooldownThatEndsOnTime() {
		MutableClock clock = new MutableClock();
		FailFast failFast = new FailFast(new FailFastSettings(FailFastSettings.DEFAULT_CODES, Duration.ofSeconds(30)),
				clock);
		JuheOperation send = JuheOperation.send(JuheProduct.SMS_API, "send", "/send");
		for (int code : new int[] { 10001, 10003, 10008, 10009, 10020, 10021 }) {
			failFast.record(new JuheSmsCredentialsException(send, code, "reason"));
			assertThat(failFast.current()).isNotNull()
				.satisfies((tripped) -> assertThat(tripped.code()).isEqualTo(code));
			clock.advance(Duration.ofSeconds(29));
			assertThat(failFast.current()).isNotNull();
			clock.advance(Duration.ofSeconds(1));
			assertThat(failFast.current()).isNull();
		}
		failFast.record(new JuheSmsQuotaException(send, 10012, "reason"));
		assertThat(failFast.current()).isNull();
	}

}

package io.github.juhesms.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.event.JuheSmsOutcomeUnknownEvent;
import io.github.juhesms.event.JuheSmsRejectedEvent;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.github.juhesms.event.JuheSmsSentEvent;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One application event per send, when its outcome is known.
 */
@ExtendWith(OutputCaptureExtension.class)
class SendEventsTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final InternationalSmsRequest REQUEST = InternationalSmsRequest.of("44", "7911123456", 12);

	private ApplicationContextRunner withListener() {
		return contextRunner().withUserConfiguration(AuditLog.class);
	}

	@Test
	void acceptedSendPublishesOneSentEvent() {
		answerInTurn(SEND, "{\"reason\":\"busy\",\"result\":null,\"error_code\":235700}",
				example("international.txt", 1));
		withListener().run((context) -> {
			context.getBean(InternationalSmsClient.class).send(REQUEST);
			assertThat(context.getBean(AuditLog.class).events).singleElement()
				.isInstanceOfSatisfying(JuheSmsSentEvent.class, (sent) -> {
					assertThat(sent.product()).isEqualTo(JuheProduct.INTERNATIONAL);
					assertThat(sent.operation()).isEqualTo("send");
					assertThat(sent.maskedMobiles()).containsExactly("447****3456");
					assertThat(sent.templateId()).isEqualTo("12");
					assertThat(sent.sid()).isEqualTo("20190326142208");
					assertThat(sent.fee()).isEqualTo(1);
					assertThat(sent.attempts()).isEqualTo(2);
					assertThat(sent.startedAt()).isNotNull();
				});
		});
	}

	@Test
	void rejectedSendPublishesOneRejectedEvent() {
		answer(SEND, "{\"reason\":\"手机号码格式错误\",\"result\":null,\"error_code\":235710}");
		withListener().run((context) -> {
			assertThatExceptionOfType(JuheSmsRejectedException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			assertThat(context.getBean(AuditLog.class).events).singleElement()
				.isInstanceOfSatisfying(JuheSmsRejectedEvent.class, (rejected) -> {
					assertThat(rejected.errorCode()).isEqualTo(235710);
					assertThat(rejected.reason()).isEqualTo("手机号码格式错误");
					assertThat(rejected.category()).isEqualTo(JuheSmsErrorCategory.REJECTED);
					assertThat(rejected.attempts()).isEqualTo(1);
				});
		});
	}

	@Test
	void busyAfterEveryAttemptIsRejectedNotUnknown() {
		answer(SEND, "{\"reason\":\"busy\",\"result\":null,\"error_code\":235700}");
		withListener().run((context) -> {
			assertThatExceptionOfType(JuheSmsBusyException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			assertThat(context.getBean(AuditLog.class).events).singleElement()
				.isInstanceOfSatisfying(JuheSmsRejectedEvent.class, (rejected) -> {
					assertThat(rejected.category()).isEqualTo(JuheSmsErrorCategory.BUSY);
					assertThat(rejected.attempts()).isEqualTo(3);
				});
		});
	}

	@Test
	void lostAnswerPublishesOneOutcomeUnknownEvent() {
		wireMock.stubFor(post(urlPathEqualTo(SEND)).willReturn(aResponse().withStatus(502).withBody("Bad Gateway")));
		withListener().run((context) -> {
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			assertThat(context.getBean(AuditLog.class).events).singleElement()
				.isInstanceOfSatisfying(JuheSmsOutcomeUnknownEvent.class, (unknown) -> {
					assertThat(unknown.httpStatus()).isEqualTo(502);
					assertThat(unknown.category()).isEqualTo(JuheSmsErrorCategory.INVALID_RESPONSE);
					assertThat(unknown.maskedMobiles()).containsExactly("447****3456");
					assertThat(unknown.templateId()).isEqualTo("12");
					assertThat(unknown.attempts()).isEqualTo(1);
					assertThat(unknown.failure()).contains("Bad Gateway");
				});
		});
	}

	@Test
	void readsAndRefusedInputPublishNothing() {
		answer("/smsInternational/myTemplates", example("international.txt", 3));
		withListener().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			client.myTemplates();
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "x", 1)));
			assertThat(context.getBean(AuditLog.class).events).isEmpty();
		});
	}

	@Test
	void failingListenerDoesNotTurnASentMessageIntoAnError(CapturedOutput output) {
		answer(SEND, example("international.txt", 1));
		contextRunner().withUserConfiguration(FailingListener.class).run((context) -> {
			assertThat(context.getBean(InternationalSmsClient.class).send(REQUEST).sid()).isEqualTo("20190326142208");
			assertThat(requestsTo(SEND)).hasSize(1);
		});
		assertThat(output).contains("A listener of Juhe send events failed");
	}

	@Test
	void eventsHoldNeitherKeyNorFullMobile() {
		answer(SEND, "{\"reason\":\"错误 7911123456\",\"result\":null,\"error_code\":235710}");
		withListener().run((context) -> {
			assertThatExceptionOfType(JuheSmsRejectedException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).send(REQUEST));
			assertThat(context.getBean(AuditLog.class).events.toString()).doesNotContain(KEY)
				.doesNotContain("447911123456");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditLog {

		final List<JuheSmsSendEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(JuheSmsSendEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingListener {

		@EventListener
		void on(JuheSmsSentEvent event) {
			throw new IllegalStateException("audit store down");
		}

	}

}

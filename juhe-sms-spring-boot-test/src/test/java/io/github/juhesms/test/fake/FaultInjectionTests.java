package io.github.juhesms.test.fake;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsServiceUnavailableException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each kind of injected fault, and what the starter's clients make of it.
 */
@SpringBootTest
@FakeJuheServerTest
@StarterChecksOff
class FaultInjectionTests {

	private static final String MOBILE = "7700900123";

	@Autowired
	InternationalSmsClient sms;

	@Autowired
	FinancialSmsClient financial;

	private long templateId;

	@BeforeEach
	void submitTemplate(FakeJuheServer juhe) {
		this.templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Your code is #code#").id();
	}

	@Test
	void busyAnswersAreRetriedUntilTheSendIsAccepted(FakeJuheServer juhe) {
		juhe.failNext(JuheEndpoint.INTERNATIONAL_SEND, 2, 235700);

		this.sms.send(request(MOBILE));

		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isEqualTo(3);
		assertThat(juhe.outbox()).hasSize(1);
	}

	@Test
	void busyOnEveryAttemptIsReportedBusyAndNothingIsSent(FakeJuheServer juhe) {
		juhe.failNext(JuheEndpoint.INTERNATIONAL_SEND, 3, 235712);

		JuheSmsException thrown = Thrown.by(() -> this.sms.send(request(MOBILE)));

		assertThat(thrown).isInstanceOf(JuheSmsBusyException.class);
		assertThat(thrown.getReason()).isEqualTo("系统繁忙,请稍后重试");
		assertThat(thrown.getAttempts()).isEqualTo(3);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void droppedConnectionOnASendIsAnUnknownOutcomeAndNotResent(FakeJuheServer juhe) {
		juhe.dropConnectionNext(JuheEndpoint.INTERNATIONAL_SEND, 1);

		JuheSmsException thrown = Thrown.by(() -> this.sms.send(request(MOBILE)));

		assertThat(thrown).isInstanceOf(JuheSmsTransportException.class);
		assertThat(thrown.isOutcomeUnknown()).isTrue();
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isEqualTo(1);
		// The fake accepted the message before the connection dropped: exactly why it
		// must not be resent.
		assertThat(juhe.messagesTo(MOBILE)).hasSize(1);
	}

	@Test
	void droppedConnectionOnAQueryIsRetried(FakeJuheServer juhe) {
		juhe.dropConnectionNext(JuheEndpoint.INTERNATIONAL_AREA_CODE, 1);

		assertThat(this.sms.areaCodes()).hasSize(208);
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_AREA_CODE)).isEqualTo(2);
	}

	@Test
	void htmlErrorPageOnASendIsAnInvalidResponseWithAnUnknownOutcome(FakeJuheServer juhe) {
		juhe.htmlErrorPageNext(JuheEndpoint.INTERNATIONAL_SEND, 1);

		JuheSmsException thrown = Thrown.by(() -> this.sms.send(request(MOBILE)));

		assertThat(thrown).isInstanceOfSatisfying(JuheSmsInvalidResponseException.class, (invalid) -> {
			assertThat(invalid.getHttpStatus()).isEqualTo(502);
			assertThat(invalid.getBodyExcerpt()).contains("502 Bad Gateway");
			assertThat(invalid.isOutcomeUnknown()).isTrue();
		});
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isEqualTo(1);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void htmlErrorPageOnAQueryIsRetried(FakeJuheServer juhe) {
		juhe.htmlErrorPageNext(JuheEndpoint.INTERNATIONAL_MY_TEMPLATES, 2);

		assertThat(this.sms.myTemplates()).hasSize(1);
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_MY_TEMPLATES)).isEqualTo(3);
	}

	@Test
	void delayBeyondTheReadTimeoutIsAnUnknownOutcome(FakeJuheServer juhe) {
		juhe.delayNext(JuheEndpoint.INTERNATIONAL_SEND, 1, Duration.ofSeconds(2));
		FakeJuheContexts.runner(juhe).withPropertyValues("juhe.sms.read-timeout=300ms").run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);

			JuheSmsException thrown = Thrown.by(() -> sms.send(request(MOBILE)));

			assertThat(thrown).isInstanceOf(JuheSmsTransportException.class);
			assertThat(thrown.isOutcomeUnknown()).isTrue();
		});
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isEqualTo(1);
		assertThat(juhe.messagesTo(MOBILE)).hasSize(1);
	}

	@Test
	void delayWithinTheReadTimeoutOnlySlowsTheAnswer(FakeJuheServer juhe) {
		juhe.delayNext(FaultTarget.anyEndpoint(), 1, Duration.ofMillis(300));
		long start = System.nanoTime();

		this.sms.send(request(MOBILE));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(juhe.outbox()).hasSize(1);
	}

	@Test
	void errorCodeForOneMobileLeavesTheOthersAlone(FakeJuheServer juhe) {
		juhe.failNext(FaultTarget.mobile("447700900999"), 1, 235710);

		assertThat(Thrown.by(() -> this.sms.send(request("7700900999")))).isInstanceOf(JuheSmsRejectedException.class)
			.returns(235710, (ex) -> ex.getErrorCode());
		this.sms.send(request(MOBILE));
		this.sms.send(request("7700900999"));

		assertThat(juhe.outbox()).extracting(SentMessage::mobile).containsExactly(MOBILE, "7700900999");
	}

	@Test
	void faultForOneMobileHitsEveryEndpointThatCarriesIt(FakeJuheServer juhe) {
		long financialTemplate = juhe.submitTemplate(JuheProduct.FINANCIAL, "天聚地合", "Hello").id();
		juhe.failNext(FaultTarget.mobile("13800138000"), 2, 228806);

		assertThat(Thrown.errorCode(() -> this.financial.groupByCarrier(List.of("13012345678", "13800138000"))))
			.isEqualTo(228806);
		assertThat(Thrown.errorCode(() -> this.financial
			.send(FinancialSmsRequest.of(List.of("13012345678", "13800138000"), financialTemplate)))).isEqualTo(228806);
		this.financial.send(FinancialSmsRequest.of(List.of("13800138000"), financialTemplate));

		assertThat(juhe.messagesTo("13800138000")).hasSize(1);
	}

	@Test
	void errorCodeOnAnyEndpointHitsTheNextCallWhateverItIs(FakeJuheServer juhe) {
		juhe.failNext(FaultTarget.anyEndpoint(), 1, 10020);

		assertThat(Thrown.by(this.sms::myTemplates)).isInstanceOf(JuheSmsServiceUnavailableException.class)
			.returns("接口维护", JuheSmsException::getReason);
		assertThat(this.sms.myTemplates()).hasSize(1);
	}

	@Test
	void wrongKeyAnswerDoesNotStopTheNextCall(FakeJuheServer juhe) {
		juhe.failNext(JuheEndpoint.INTERNATIONAL_MY_TEMPLATES, 1, 10001);

		assertThat(Thrown.errorCode(this.sms::myTemplates)).isEqualTo(10001);
		// The extension turns the starter's fail-fast cool-down off, so the next call
		// reaches the fake.
		assertThat(this.sms.myTemplates()).hasSize(1);
	}

	@Test
	void faultsApplyInTheOrderTheyWereInjected(FakeJuheServer juhe) {
		juhe.failNext(JuheEndpoint.INTERNATIONAL_SEND, 1, 235700);
		juhe.failNext(FaultTarget.anyEndpoint(), 1, 235706);

		// The busy answer is retried; the next attempt meets the second fault, a failed
		// send.
		assertThat(Thrown.errorCode(() -> this.sms.send(request(MOBILE)))).isEqualTo(235706);
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isEqualTo(2);
	}

	@Test
	void resetClearsPendingFaults(FakeJuheServer juhe) {
		juhe.failNext(FaultTarget.anyEndpoint(), 10, 235700);
		juhe.reset();
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hello").id();

		this.sms.send(InternationalSmsRequest.of("44", MOBILE, templateId));

		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isEqualTo(1);
	}

	private InternationalSmsRequest request(String mobile) {
		return new InternationalSmsRequest("44", mobile, this.templateId, Map.of("code", "1234"));
	}

}

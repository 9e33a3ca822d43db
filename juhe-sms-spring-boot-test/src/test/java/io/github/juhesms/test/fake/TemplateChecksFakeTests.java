package io.github.juhesms.test.fake;

import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's template checks against the fake's template lists, as a user's test sees
 * them: what the fake lists is what the starter checks, templates a test adds or approves
 * are seen at once, and a refused send makes no request.
 */
@SpringBootTest
@FakeJuheServerTest
class TemplateChecksFakeTests {

	private static final String MOBILE = "7700900123";

	@Autowired
	InternationalSmsClient sms;

	@Autowired
	VerificationCodeSmsClient codes;

	@Test
	void aMisspeltVariableIsRefusedBeforeAnyRequestAndTheRightOneGoesOut(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Order #order# ships").id();

		assertThat(Thrown
			.by(() -> this.sms.send(new InternationalSmsRequest("44", MOBILE, templateId, Map.of("ordr", "A-1")))))
			.isInstanceOf(JuheSmsInvalidRequestException.class)
			.hasMessageEndingWith("must be exactly the variables of template " + templateId
					+ " [order]; missing [order]; not in the template [ordr]");
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isZero();

		this.sms.send(new InternationalSmsRequest("44", MOBILE, templateId, Map.of("order", "A-1")));
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isOne();
		assertThat(juhe.outbox()).singleElement().returns("【聚合数据】Order A-1 ships", SentMessage::text);
	}

	@Test
	void aTemplateApprovedByTheTestIsSeenAtOnce(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hello").id();
		InternationalSmsRequest request = InternationalSmsRequest.of("44", MOBILE, templateId);

		assertThat(Thrown.by(() -> this.sms.send(request))).isInstanceOf(JuheSmsInvalidRequestException.class)
			.hasMessageEndingWith("cannot be used to send: review state IN_REVIEW");
		juhe.approve(templateId);
		this.sms.send(request);

		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isOne();
	}

	@Test
	void aVerificationCodeAgainstItsTemplatesRulesIsRefusedBeforeAnyRequest(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1011).id();

		assertThat(Thrown.by(() -> this.codes.send("13800138000", templateId, Map.of("code", "123", "m", "5"))))
			.isInstanceOf(JuheSmsInvalidRequestException.class)
			.hasMessageContaining("variable 'code' of template " + templateId + " must be 4-8 digits");
		assertThat(juhe.requestCount(JuheEndpoint.VERIFICATION_CODE_SEND)).isZero();

		this.codes.send("13800138000", templateId, Map.of("code", "1234", "m", "5"));
		assertThat(juhe.requestCount(JuheEndpoint.VERIFICATION_CODE_SEND)).isOne();
	}

}

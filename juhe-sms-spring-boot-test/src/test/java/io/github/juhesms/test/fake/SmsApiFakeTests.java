package io.github.juhesms.test.fake;

import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's SMS API client against the fake, end to end over HTTP, with variables in
 * {@code vars} (the default) and in {@code tpl_value}.
 */
@SpringBootTest
@FakeJuheServerTest
class SmsApiFakeTests {

	private static final String MOBILE = "13800138000";

	@Autowired
	SmsApiClient sms;

	@Test
	void sendWithVarsAnswersCountFeeAndSid(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "#name#您好，您的验证码是#code#").id();

		SmsApiResult result = this.sms
			.send(new SmsApiRequest(MOBILE, templateId, Map.of("name", "张三", "code", "1234"), "123"));

		assertThat(result.count()).isEqualTo(1);
		assertThat(result.fee()).isEqualTo(1);
		assertThat(result.sid()).hasSize(32);
		assertThat(juhe.outbox()).singleElement().satisfies((message) -> {
			assertThat(message.sid()).isEqualTo(result.sid());
			assertThat(message.text()).isEqualTo("【聚合数据】张三您好，您的验证码是1234");
			assertThat(message.code()).isEqualTo("1234");
		});
	}

	@Test
	void sendWithTplValue(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "#name#您好").id();
		FakeJuheContexts.runner(juhe)
			.withPropertyValues("juhe.sms.sms-api.variables-format=tpl_value")
			.run((context) -> context.getBean(SmsApiClient.class)
				.send(SmsApiRequest.of(MOBILE, templateId, Map.of("name", "A&B=#1"))));

		assertThat(juhe.outbox()).singleElement().returns("【聚合数据】A&B=#1您好", SentMessage::text);
	}

	@Test
	void longTextIsBilledBy67(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "#text#").id();

		assertThat(this.sms.send(SmsApiRequest.of(MOBILE, templateId, Map.of("text", "中".repeat(64)))).fee())
			.isEqualTo(1);
		assertThat(this.sms.send(SmsApiRequest.of(MOBILE, templateId, Map.of("text", "中".repeat(65)))).fee())
			.isEqualTo(2);
	}

	@Test
	void missingVariableGoesOutAsThePlaceholder(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的验证码是#code#").id();

		this.sms.send(SmsApiRequest.of(MOBILE, templateId, Map.of()));

		// The document warns that an unreplaced variable is sent as it is.
		assertThat(juhe.outbox()).singleElement().returns("【聚合数据】您的验证码是#code#", SentMessage::text);
	}

	@Test
	void unknownUnapprovedAndDeletedTemplatesAreWrongTemplateIds(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "Hello").id();

		assertThat(Thrown.errorCode(() -> this.sms.send(SmsApiRequest.of(MOBILE, templateId, Map.of()))))
			.isEqualTo(205402);
		juhe.approve(templateId);
		juhe.deleteTemplate(templateId);
		assertThat(Thrown.errorCode(() -> this.sms.send(SmsApiRequest.of(MOBILE, templateId, Map.of()))))
			.isEqualTo(205402);
		assertThat(Thrown.errorCode(() -> this.sms.send(SmsApiRequest.of(MOBILE, 99, Map.of())))).isEqualTo(205402);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void wrongMobileExtensionAndVarsAreRefusedWithTheDocumentsCodes(FakeJuheServer juhe) {
		String templateId = Long.toString(juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "Hello").id());
		JuheHttp http = new JuheHttp(juhe);

		assertThat(http.post(JuheEndpoint.SMS_API_SEND, "mobile", "1380013800", "tpl_id", templateId)
			.get("error_code")
			.asInt()).isEqualTo(205401);
		assertThat(http.post(JuheEndpoint.SMS_API_SEND, "mobile", MOBILE, "tpl_id", templateId, "ext", "1234567890")
			.get("error_code")
			.asInt()).isEqualTo(205404);
		assertThat(http.post(JuheEndpoint.SMS_API_SEND, "mobile", MOBILE, "tpl_id", templateId, "vars", "{code:1}")
			.get("error_code")
			.asInt()).isEqualTo(205404);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void wrongKeyIsRefused(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "Hello").id();
		FakeJuheContexts.runner(juhe)
			.withPropertyValues("juhe.sms.sms-api.key=wrong")
			.run((context) -> assertThat(Thrown.errorCode(
					() -> context.getBean(SmsApiClient.class).send(SmsApiRequest.of(MOBILE, templateId, Map.of()))))
				.isEqualTo(10001));
		assertThat(juhe.outbox()).isEmpty();
	}

}

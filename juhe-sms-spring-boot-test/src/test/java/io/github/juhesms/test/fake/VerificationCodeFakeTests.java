package io.github.juhesms.test.fake;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.verificationcode.OptionTemplate;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsResult;
import io.github.juhesms.verificationcode.VerificationCodeTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Verification-code SMS client against the fake, end to end over HTTP: the
 * flow a sign-up test follows.
 */
@SpringBootTest
@FakeJuheServerTest
@StarterChecksOff
class VerificationCodeFakeTests {

	private static final String MOBILE = "13800138000";

	@Autowired
	VerificationCodeSmsClient sms;

	@Test
	void optionTemplatesAreTheDocumentsList() {
		assertThat(this.sms.optionTemplates()).hasSize(12)
			.startsWith(new OptionTemplate(1001, "您的验证码是#code#", "#code#变量仅允许长度为4-8位的数字"))
			.contains(new OptionTemplate(1004, "注册验证码:#code#有效期#m#分钟", "#code#变量仅允许长度为4-8位的数字#m#允许1-3位数字"))
			.extracting(OptionTemplate::templateCode)
			.containsExactly(1001, 1002, 1003, 1004, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013);
	}

	@Test
	void verificationCodeFlow(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long templateId = this.sms.submitTemplate("聚合数据", 1004).templateId();
		assertThat(submitted(juhe)).singleElement().satisfies((template) -> {
			assertThat(template.state()).isEqualTo(TemplateReviewState.IN_REVIEW);
			assertThat(template.content()).isEqualTo("注册验证码:#code#有效期#m#分钟");
			assertThat(template.rules()).isEqualTo("#code#变量仅允许长度为4-8位的数字#m#允许1-3位数字");
		});
		assertThat(Thrown.errorCode(() -> this.sms.send(MOBILE, templateId, Map.of("code", "123456", "m", "5"))))
			.isEqualTo(248605);

		juhe.approve(templateId);
		VerificationCodeSmsResult result = this.sms.send(MOBILE, templateId, Map.of("code", "123456", "m", "5"));

		assertThat(submitted(juhe)).singleElement().returns(true, VerificationCodeTemplate::isUsable);
		assertThat(juhe.lastCodeSentTo(MOBILE)).hasValue("123456");
		assertThat(juhe.messagesTo(MOBILE)).singleElement().satisfies((message) -> {
			assertThat(message.sid()).isEqualTo(result.sid());
			assertThat(message.text()).isEqualTo("【聚合数据】注册验证码:123456有效期5分钟");
			assertThat(message.billedMessages()).isEqualTo(1);
		});
	}

	@Test
	void lastCodeSentIsTheLatest(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1001).id();
		this.sms.send(MOBILE, templateId, Map.of("code", "1111"));
		this.sms.send("13900139000", templateId, Map.of("code", "2222"));
		this.sms.send(MOBILE, templateId, Map.of("code", "3333"));

		assertThat(juhe.lastCodeSentTo(MOBILE)).hasValue("3333");
		assertThat(juhe.lastCodeSentTo("13700137000")).isEmpty();
	}

	@ParameterizedTest(name = "code={0} m={1}")
	@CsvSource({ "123, 5, #code#允许4-8位数字", "123456789, 5, #code#允许4-8位数字", "12a456, 5, #code#允许4-8位数字",
			"123456, 1000, #m#允许1-3位数字", "123456, '', #m#允许1-3位数字" })
	void variablesMustFollowTheOptionTemplatesRules(String code, String minutes, String rule, FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1011).id();

		JuheSmsException thrown = Thrown
			.by(() -> this.sms.send(MOBILE, templateId, Map.of("code", code, "m", minutes)));

		assertThat(thrown.getErrorCode()).isEqualTo(248608);
		assertThat(thrown.getReason()).endsWith(rule);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void missingVariableIsRefused(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1004).id();

		assertThat(Thrown.by(() -> this.sms.send(MOBILE, templateId, Map.of("code", "123456"))).getReason())
			.isEqualTo("发送短信变量格式错误，具体看返回内容:缺少变量#m#");
	}

	@Test
	void unknownOptionTemplateCodeIsRefused() {
		assertThat(Thrown.errorCode(() -> this.sms.submitTemplate("聚合数据", 1005))).isEqualTo(248602);
	}

	@Test
	void sameTemplateTwiceIsRefused() {
		this.sms.submitTemplate("聚合数据", 1001);

		assertThat(Thrown.errorCode(() -> this.sms.submitTemplate("聚合数据", 1001))).isEqualTo(248612);
		this.sms.submitTemplate("聚合数据APP", 1001);
	}

	@Test
	void unknownAndDeletedTemplatesAreRefused(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1001).id();
		juhe.deleteTemplate(templateId);

		assertThat(Thrown.errorCode(() -> this.sms.send(MOBILE, templateId, Map.of("code", "1234")))).isEqualTo(248606);
		assertThat(submitted(juhe)).singleElement().returns(false, VerificationCodeTemplate::valid);
		assertThat(Thrown.errorCode(() -> this.sms.send(MOBILE, 99, Map.of("code", "1234")))).isEqualTo(248604);
	}

	@Test
	void wrongMobileSignatureAndVariablesAreRefusedWithTheDocumentsCodes(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1001).id();
		JuheHttp http = new JuheHttp(juhe);

		assertThat(http
			.post(JuheEndpoint.VERIFICATION_CODE_SEND, "mobile", "12800138000", "tplId", Long.toString(templateId),
					"tplValue", "#code#=1234")
			.get("error_code")
			.asInt()).isEqualTo(248607);
		assertThat(http
			.post(JuheEndpoint.VERIFICATION_CODE_SEND, "mobile", MOBILE, "tplId", "x", "tplValue", "#code#=1234")
			.get("error_code")
			.asInt()).isEqualTo(248603);
		assertThat(http.post(JuheEndpoint.VERIFICATION_CODE_SEND, "mobile", MOBILE, "tplId", Long.toString(templateId))
			.get("error_code")
			.asInt()).isEqualTo(248608);
		assertThat(http
			.post(JuheEndpoint.VERIFICATION_CODE_SEND, "mobile", MOBILE, "tplId", Long.toString(templateId), "tplValue",
					"code=1234")
			.get("error_code")
			.asInt()).isEqualTo(248608);
		assertThat(http.post(JuheEndpoint.VERIFICATION_CODE_SUBMIT_TEMPLATE, "signature", "聚", "tplcode", "1001")
			.get("error_code")
			.asInt()).isEqualTo(248601);
		assertThat(http.post(JuheEndpoint.VERIFICATION_CODE_SUBMIT_TEMPLATE, "signature", "聚合-数据", "tplcode", "1001")
			.get("error_code")
			.asInt()).isEqualTo(248601);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void wrongKeyIsRefusedOnEveryEndpoint(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1001).id();
		FakeJuheContexts.runner(juhe).withPropertyValues("juhe.sms.verification-code.key=wrong").run((context) -> {
			VerificationCodeSmsClient sms = context.getBean(VerificationCodeSmsClient.class);
			assertThat(Thrown.errorCode(sms::optionTemplates)).isEqualTo(10001);
			assertThat(Thrown.errorCode(() -> sms.submitTemplate("聚合数据", 1002))).isEqualTo(10001);
			assertThat(Thrown.errorCode(() -> sms.send(MOBILE, templateId, Map.of("code", "1234")))).isEqualTo(10001);
			assertThat(Thrown.errorCode(sms::myTemplates)).isEqualTo(10001);
		});
		assertThat(juhe.outbox()).isEmpty();
		assertThat(juhe.templates()).containsOnlyOnce(juhe.verificationCodeTemplate()).hasSize(2);
	}

	// The templates a test submitted: the fake's standing one is listed too.
	private List<VerificationCodeTemplate> submitted(FakeJuheServer juhe) {
		long standing = juhe.verificationCodeTemplate().id();
		return this.sms.myTemplates().stream().filter((template) -> template.templateId() != standing).toList();
	}

}

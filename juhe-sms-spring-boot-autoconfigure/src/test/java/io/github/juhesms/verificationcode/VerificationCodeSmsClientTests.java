package io.github.juhesms.verificationcode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsCredentialsException;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsQuotaException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsServiceErrorException;
import io.github.juhesms.error.JuheSmsServiceUnavailableException;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class VerificationCodeSmsClientTests extends JuheWireMockTests {

	private static final String DOC = "verification-code.txt";

	private static final String SEND = "/vercodesms/send";

	// The document's myTpl example, minimally repaired: a code fence splits its array
	// after the second template, and the first half closes the envelope without
	// error_code. Here the two halves are joined as printed, the second half bringing the
	// error_code.
	private static final String MY_TPL_EXAMPLE_REPAIRED = """
			{
			  "reason": "success",
			  "result": [
			    {
			      "tplId": 1,
			      "signature": "聚合数据",
			      "tpl_state": 3,
			      "status": 1,
			      "sms_tpl": "您的验证码是#code#",
			      "des": "#code#变量仅允许长度为4-8位的数字"
			    },
			    {
			      "tplId": 2,
			      "signature": "聚合数据APP",
			      "tpl_state": 3,
			      "status": 1,
			      "sms_tpl": "您的验证码是#code#",
			      "des": "#code#变量仅允许长度为4-8位的数字"
			    },
			    {
			      "tplId":3,
			      "signature":"聚合数据A",
			      "tpl_state":3,
			      "status":1,
			      "sms_tpl":"您的验证码是#code#[]如非本人操作，请忽略本短信",
			      "des":"#code#变量仅允许长度为4-8位的数字"
			    },
			    {
			      "tplId":4,
			      "signature":"聚合数据",
			      "tpl_state":3,
			      "status":1,
			      "sms_tpl":"注册验证码:#code#[]有效期#m#分钟",
			      "des":"#code#变量仅允许长度为4-8位的数字[]#m#允许1-3位数字"
			    }
			  ],
			  "error_code":0
			}""";

	private static final String CODE_RULE = "#code#变量仅允许长度为4-8位的数字";

	@Test
	void optionTemplatesParseTheDocumentsExample() {
		// The document's optionTpl example is split by a code fence inside its 1011
		// entry; removing the fence leaves valid JSON.
		answer("/vercodesms/optionTpl", example(DOC, 0).replaceAll("```\\s*```", ""));
		run((client) -> {
			List<OptionTemplate> options = client.optionTemplates();
			assertThat(options).extracting(OptionTemplate::templateCode)
				.containsExactly(1001, 1002, 1003, 1004, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013);
			assertThat(options.get(0)).isEqualTo(new OptionTemplate(1001, "您的验证码是#code#", CODE_RULE));
			assertThat(options.get(3))
				.isEqualTo(new OptionTemplate(1004, "注册验证码:#code#有效期#m#分钟", "#code#变量仅允许长度为4-8位的数字#m#允许1-3位数字"));
			assertThat(options.get(9))
				.isEqualTo(new OptionTemplate(1011, "您的验证码是#code#有效期#m#分钟", "#code#变量仅允许长度为4-8位的数字[]#m#允许1-3位数字"));
			assertThat(onlyFormSentTo("/vercodesms/optionTpl")).containsExactly(entry("key", KEY));
		});
	}

	@Test
	void submitTemplatePostsSignatureAndTemplateCodeAndReadsTheTemplateId() {
		answer("/vercodesms/submitTpl", example(DOC, 1));
		run((client) -> {
			assertThat(client.submitTemplate("聚合数据APP", 1001)).isEqualTo(new SubmittedTemplate(21));
			assertThat(onlyFormSentTo("/vercodesms/submitTpl")).containsExactly(entry("key", KEY),
					entry("signature", "聚合数据APP"), entry("tplcode", "1001"));
		});
	}

	@Test
	void templateCodeOutsideTheDocumentsListIsAccepted() {
		answer("/vercodesms/submitTpl", example(DOC, 1));
		run((client) -> {
			client.submitTemplate("聚合", 2001);
			assertThat(onlyFormSentTo("/vercodesms/submitTpl")).contains(entry("tplcode", "2001"));
		});
	}

	@Test
	void signaturesOfTwoAndSixteenCharactersAreAccepted() {
		answer("/vercodesms/submitTpl", example(DOC, 1));
		run((client) -> {
			client.submitTemplate("聚合", 1001);
			// Characters outside the Basic Multilingual Plane count once, as code points.
			client.submitTemplate("𠀀".repeat(15) + "A", 1001);
			client.submitTemplate("Juhe2025", 1001);
		});
		assertThat(requestsTo("/vercodesms/submitTpl")).hasSize(3);
	}

	@Test
	void sendPostsMobileTemplateIdAndEncodedVariablesAndReadsTheSid() {
		answer(SEND, example(DOC, 2));
		run((client) -> {
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("code", "12345");
			variables.put("m", "5");
			VerificationCodeSmsResult result = client.send("13812345678", 21, variables);
			assertThat(result.sid()).isEqualTo("8663633475323417069");
			assertThat(result.fee()).isNull();
			// The document's own two-variable example: #code#=12345&#m#=5, form-encoded
			// once more.
			assertThat(onlyFormSentTo(SEND)).containsExactly(entry("key", KEY), entry("mobile", "13812345678"),
					entry("tplId", "21"), entry("tplValue", "#code#=12345&#m#=5"));
			assertThat(requestsTo(SEND).get(0).getBodyAsString()).contains("tplValue=%23code%23%3D12345%26%23m%23%3D5");
		});
	}

	@Test
	void sendEscapesSpecialCharactersInVariables() {
		answer(SEND, example(DOC, 2));
		run((client) -> {
			client.send("13812345678", 21, Map.of("code", "12#&=4"));
			assertThat(onlyFormSentTo(SEND)).contains(entry("tplValue", "#code#=12%23%26%3D4"));
		});
	}

	@Test
	void myTemplatesParseTheDocumentsRepairedExample() {
		answer("/vercodesms/myTpl", MY_TPL_EXAMPLE_REPAIRED);
		run((client) -> {
			List<VerificationCodeTemplate> templates = client.myTemplates();
			assertThat(templates).containsExactly(
					new VerificationCodeTemplate(1, "聚合数据", "您的验证码是#code#", TemplateReviewState.APPROVED, true,
							CODE_RULE),
					new VerificationCodeTemplate(2, "聚合数据APP", "您的验证码是#code#", TemplateReviewState.APPROVED, true,
							CODE_RULE),
					new VerificationCodeTemplate(3, "聚合数据A", "您的验证码是#code#[]如非本人操作，请忽略本短信",
							TemplateReviewState.APPROVED, true, CODE_RULE),
					new VerificationCodeTemplate(4, "聚合数据", "注册验证码:#code#[]有效期#m#分钟", TemplateReviewState.APPROVED,
							true, "#code#变量仅允许长度为4-8位的数字[]#m#允许1-3位数字"));
			assertThat(templates).allMatch(VerificationCodeTemplate::isUsable);
			assertThat(onlyFormSentTo("/vercodesms/myTpl")).containsExactly(entry("key", KEY));
		});
	}

	@Test
	void myTemplatesExampleAsPrintedLacksTheErrorCodeAndIsAnInvalidResponse() {
		answer("/vercodesms/myTpl", example(DOC, 3));
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(client::myTemplates)
			.withMessageContaining("'error_code': required field is missing"));
	}

	@Test
	void myTemplatesMapReviewStateAndValidity() {
		answer("/vercodesms/myTpl", """
				{"reason":"success","result":[
				{"tplId":1,"signature":"s","tpl_state":0,"status":1,"sms_tpl":"t","des":"d"},
				{"tplId":2,"signature":"s","tpl_state":"1","status":"1","sms_tpl":"t","des":"d"},
				{"tplId":3,"signature":"s","tpl_state":2,"status":1,"sms_tpl":"t","des":"d"},
				{"tplId":4,"signature":"s","tpl_state":3,"status":0,"sms_tpl":"t","des":"d"},
				{"tplId":5,"signature":"s","tpl_state":3,"status":1,"sms_tpl":"t","des":"d"}],"error_code":0}""");
		run((client) -> {
			List<VerificationCodeTemplate> templates = client.myTemplates();
			assertThat(templates).extracting(VerificationCodeTemplate::state)
				.containsExactly(TemplateReviewState.NOT_REVIEWED, TemplateReviewState.REJECTED,
						TemplateReviewState.IN_REVIEW, TemplateReviewState.APPROVED, TemplateReviewState.APPROVED);
			assertThat(templates).extracting(VerificationCodeTemplate::valid)
				.containsExactly(true, true, true, false, true);
			assertThat(templates).extracting(VerificationCodeTemplate::isUsable)
				.containsExactly(false, false, false, false, true);
		});
	}

	@Test
	void templateMissingAFieldIsAnInvalidResponseNamingIt() {
		answer("/vercodesms/myTpl", """
				{"reason":"success","result":[
				{"tplId":1,"signature":"s","tpl_state":3,"sms_tpl":"t","des":"d"}],"error_code":0}""");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(client::myTemplates)
			.withMessageContaining("'result[0].status': required field is missing"));
	}

	@Test
	void variableRuleFailureCarriesTheServersReasonAndTheDocumentsText() {
		answer(SEND, "{\"reason\":\"" + CODE_RULE + "\",\"result\":null,\"error_code\":248608}");
		run((client) -> assertThatExceptionOfType(JuheSmsRejectedException.class)
			.isThrownBy(() -> client.send("13812345678", 21, Map.of("code", "12")))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(248608);
				assertThat(ex.getReason()).isEqualTo(CODE_RULE);
				assertThat(ex.getDocumented().documentText()).isEqualTo("发送短信变量格式错误，具体看返回内容");
				// The message holds the server's reason, and the document's text with its
				// English description.
				assertThat(ex.getMessage()).contains(CODE_RULE)
					.contains(ex.getDocumented().description())
					.contains("发送短信变量格式错误，具体看返回内容");
				assertThat(ex.getMessage()).doesNotContain("13812345678");
			}));
	}

	@ParameterizedTest
	@CsvSource({ "10001, CREDENTIALS", "10009, CREDENTIALS", "10012, QUOTA", "248611, QUOTA",
			"10020, SERVICE_UNAVAILABLE", "248610, SERVICE_UNAVAILABLE", "10014, SERVICE_ERROR", "248603, REJECTED",
			"248604, REJECTED", "248605, REJECTED", "248607, REJECTED", "248609, REJECTED", "999999, REJECTED" })
	void errorCodesBecomeTheirCategory(int code, JuheSmsErrorCategory category) {
		answer(SEND, "{\"reason\":\"错误\",\"result\":null,\"error_code\":" + code + "}");
		run((client) -> assertThatExceptionOfType(JuheSmsException.class)
			.isThrownBy(() -> client.send("13812345678", 21, Map.of("code", "1234")))
			.satisfies((ex) -> {
				assertThat(ex.getCategory()).isEqualTo(category);
				assertThat(ex.getErrorCode()).isEqualTo(code);
				assertThat(ex.getReason()).isEqualTo("错误");
				assertThat(ex.getProduct().id()).isEqualTo("verification-code");
				assertThat(ex.getOperation()).isEqualTo("send");
				assertThat(ex.getMessage()).contains(Integer.toString(code)).doesNotContain(KEY);
			}));
	}

	@Test
	void exceptionTypesFollowTheCategory() {
		answer("/vercodesms/optionTpl", "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		answer("/vercodesms/submitTpl", "{\"reason\":\"模板数量达到上限\",\"result\":null,\"error_code\":248611}");
		answer("/vercodesms/myTpl", "{\"reason\":\"接口停用\",\"result\":null,\"error_code\":10021}");
		answer(SEND, "{\"reason\":\"模板还未审核通过\",\"result\":null,\"error_code\":248605}");
		// Several account-state codes in one context: fail-fast is off so each answer is
		// seen.
		run((client) -> {
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(client::optionTemplates);
			assertThatExceptionOfType(JuheSmsQuotaException.class).isThrownBy(() -> client.submitTemplate("聚合", 1001))
				.satisfies((ex) -> assertThat(ex.getDocumented().documentText()).isEqualTo("模板数量达到上限"));
			assertThatExceptionOfType(JuheSmsServiceUnavailableException.class).isThrownBy(client::myTemplates);
			assertThatExceptionOfType(JuheSmsRejectedException.class)
				.isThrownBy(() -> client.send("13812345678", 21, Map.of("code", "1234")));
		}, "juhe.sms.fail-fast.cooldown=0");
	}

	@Test
	void internalErrorOnASendLeavesTheOutcomeUnknown() {
		answer(SEND, "{\"reason\":\"系统内部异常\",\"result\":null,\"error_code\":10014}");
		run((client) -> assertThatExceptionOfType(JuheSmsServiceErrorException.class)
			.isThrownBy(() -> client.send("13812345678", 21, Map.of("code", "1234")))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue()));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@Test
	void channelUnavailableIsNotRetriedForTheProductHasNoBusyCode() {
		answerInTurn(SEND, "{\"reason\":\"通道不可用\",\"result\":null,\"error_code\":248610}", example(DOC, 2));
		run((client) -> assertThatExceptionOfType(JuheSmsServiceUnavailableException.class)
			.isThrownBy(() -> client.send("13812345678", 21, Map.of("code", "1234")))
			.satisfies((ex) -> {
				assertThat(ex.getAttempts()).isEqualTo(1);
				assertThat(ex.isRetryable()).isFalse();
			}));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "NULL|is required", "''|must not be blank", "'   '|must not be blank",
					"1381234abcd|mainland mobile number", "１３８１２３４５６７８|mainland mobile number",
					"138 1234 5678|mainland mobile number", "1381234567|mainland mobile number",
					"138123456789|mainland mobile number", "12812345678|mainland mobile number",
					"+8613812345678|mainland mobile number" })
	void invalidMobilesAreRefusedBeforeAnyCall(String mobile, String rule) {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.send(mobile, 21, Map.of("code", "1234")))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("mobile");
				assertThat(ex.getRule()).contains(rule);
				assertThat(ex.getAttempts()).isZero();
				if (mobile != null && mobile.length() > 6) {
					assertThat(ex.getMessage()).doesNotContain(mobile);
				}
			}));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "NULL|is required", "'  '|must not be blank", "聚|must be 2-16 characters long (was 1)",
					"聚合数据聚合数据聚合数据聚合数据A|must be 2-16 characters long (was 17)",
					"聚合-数据|only Chinese characters, English letters and digits",
					"聚合 数据|only Chinese characters, English letters and digits",
					"【聚合】|only Chinese characters, English letters and digits",
					"聚合数据！|only Chinese characters, English letters and digits",
					"Ｊｕｈｅ|only Chinese characters, English letters and digits" })
	void invalidSignaturesAreRefusedBeforeAnyCall(String signature, String rule) {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.submitTemplate(signature, 1001))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("signature");
				assertThat(ex.getRule()).contains(rule);
			}));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void otherBadInputIsRefusedBeforeAnyCall() {
		run((client) -> {
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.submitTemplate("聚合", 0))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplcode"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.submitTemplate("聚合", -1001))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplcode"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send("13812345678", 0, Map.of("code", "1234")))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplId"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send("13812345678", 21, Map.of("#code#", "1234")))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplValue"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send("13812345678", 21, Map.of()))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplValue"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send("13812345678", 21, null))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplValue"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private void run(ThrowingClientConsumer test, String... properties) {
		contextRunner().withPropertyValues(properties)
			.run((ContextConsumer<AssertableApplicationContext>) (context) -> test
				.accept(context.getBean(VerificationCodeSmsClient.class)));
	}

	@FunctionalInterface
	interface ThrowingClientConsumer {

		void accept(VerificationCodeSmsClient client) throws Throwable;

	}

}

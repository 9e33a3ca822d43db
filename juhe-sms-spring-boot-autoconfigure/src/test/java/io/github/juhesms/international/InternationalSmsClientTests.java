package io.github.juhesms.international;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsBusyException;
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

class InternationalSmsClientTests extends JuheWireMockTests {

	private static final String DOC = "international.txt";

	@Test
	void submitTemplatePostsSignatureAndContentAndReadsTheTemplateId() {
		answer("/smsInternational/submitTpl", example(DOC, 0));
		run((client) -> {
			SubmittedTemplate submitted = client.submitTemplate("天聚地合", "您的验证码是#code#");
			assertThat(submitted.templateId()).isEqualTo(10005);
			assertThat(onlyFormSentTo("/smsInternational/submitTpl")).containsExactly(entry("key", KEY),
					entry("signature", "天聚地合"), entry("content", "您的验证码是#code#"));
		});
	}

	@Test
	void sendPostsEveryDocumentedParameterAndReadsSidAndFee() {
		answer("/smsInternational/send", example(DOC, 1));
		run((client) -> {
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("code", "123454");
			variables.put("name", "A&B");
			InternationalSmsResult result = client.send(new InternationalSmsRequest("44", "7911123456", 12, variables));
			assertThat(result.sid()).isEqualTo("20190326142208");
			assertThat(result.fee()).isEqualTo(1);
			assertThat(onlyFormSentTo("/smsInternational/send")).containsExactly(entry("key", KEY),
					entry("mobile", "7911123456"), entry("areaNum", "44"), entry("tplId", "12"),
					entry("tplValue", "#code#=123454&#name#=A%26B"));
		});
	}

	@Test
	void sendWithoutVariablesLeavesTplValueOut() {
		answer("/smsInternational/send", example(DOC, 1));
		run((client) -> {
			client.send(InternationalSmsRequest.of("1649", "2311234", 7));
			assertThat(onlyFormSentTo("/smsInternational/send")).containsOnlyKeys("key", "mobile", "areaNum", "tplId");
		});
	}

	@Test
	void areaCodesParseTheDocumentsBareArrayAndTrimPaddedNames() {
		answer("/smsInternational/areaCode", example(DOC, 2));
		run((client) -> {
			List<AreaCode> areaCodes = client.areaCodes();
			assertThat(areaCodes).hasSize(208);
			assertThat(areaCodes.get(0)).isEqualTo(new AreaCode("印度", "India", "91", 1));
			assertThat(areaCodes).contains(new AreaCode("马尔代夫", "Maldives", "960", 2),
					new AreaCode("特克斯和凯科斯群岛", "Turks and Caicos Islands", "1649", 2),
					new AreaCode("俄罗斯", "Russia", "7", 16));
			assertThat(onlyFormSentTo("/smsInternational/areaCode")).containsExactly(entry("key", KEY));
		});
	}

	@Test
	void areaCodesAlsoAcceptTheEnvelope() {
		answer("/smsInternational/areaCode",
				"""
						{"reason":"success","result":[{"cname":"英国","ename":"United Kingdom","areanum":"44","fee":"3"}],"error_code":0}""");
		run((client) -> assertThat(client.areaCodes()).containsExactly(new AreaCode("英国", "United Kingdom", "44", 3)));
	}

	@Test
	void myTemplatesReadEveryFieldAndTheReviewState() {
		answer("/smsInternational/myTemplates", example(DOC, 3));
		run((client) -> {
			assertThat(client.myTemplates()).containsExactly(
					new InternationalTemplate(10000, "1我们有很多类型的数据接口", "聚合数据1", TemplateReviewState.APPROVED),
					new InternationalTemplate(10001, "2我们有很多类型的数据接口", "聚合数据2", TemplateReviewState.APPROVED));
			assertThat(onlyFormSentTo("/smsInternational/myTemplates")).containsExactly(entry("key", KEY));
		});
	}

	@Test
	void myTemplatesMapEveryReviewState() {
		answer("/smsInternational/myTemplates", """
				{"reason":"success","result":{"templates":[
				{"tplId":1,"tpl":"a","tpl_signature":"s","tpl_state":0},
				{"tplId":2,"tpl":"a","tpl_signature":"s","tpl_state":"1"},
				{"tplId":3,"tpl":"a","tpl_signature":"s","tpl_state":2},
				{"tplId":4,"tpl":"a","tpl_signature":"s","tpl_state":3},
				{"tplId":5,"tpl":"a","tpl_signature":"s","tpl_state":9}]},"error_code":0}""");
		run((client) -> assertThat(client.myTemplates()).extracting(InternationalTemplate::state)
			.containsExactly(TemplateReviewState.NOT_REVIEWED, TemplateReviewState.REJECTED,
					TemplateReviewState.IN_REVIEW, TemplateReviewState.APPROVED, TemplateReviewState.UNKNOWN));
	}

	@Test
	void deleteTemplatePostsTheTemplateIdAndAcceptsTheEmptyArrayResult() {
		answer("/smsInternational/deleteTpl", example(DOC, 4));
		run((client) -> {
			client.deleteTemplate(10005);
			assertThat(onlyFormSentTo("/smsInternational/deleteTpl")).containsExactly(entry("key", KEY),
					entry("tplId", "10005"));
		});
	}

	@ParameterizedTest
	@CsvSource({ "10001, CREDENTIALS", "10003, CREDENTIALS", "10012, QUOTA", "235711, QUOTA",
			"10020, SERVICE_UNAVAILABLE", "235708, SERVICE_UNAVAILABLE", "235706, SERVICE_ERROR", "235710, REJECTED",
			"235713, REJECTED", "235704, REJECTED", "235712, BUSY" })
	void errorCodesBecomeTheirCategory(int code, JuheSmsErrorCategory category) {
		answer("/smsInternational/send", "{\"reason\":\"错误\",\"result\":null,\"error_code\":" + code + "}");
		run((client) -> assertThatExceptionOfType(JuheSmsException.class)
			.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "7911123456", 12)))
			.satisfies((ex) -> {
				assertThat(ex.getCategory()).isEqualTo(category);
				assertThat(ex.getErrorCode()).isEqualTo(code);
				assertThat(ex.getReason()).isEqualTo("错误");
				assertThat(ex.getProduct().id()).isEqualTo("international");
				assertThat(ex.getOperation()).isEqualTo("send");
				assertThat(ex.getMessage()).contains(Integer.toString(code)).doesNotContain(KEY);
			}));
	}

	@Test
	void exceptionTypesFollowTheCategory() {
		answer("/smsInternational/myTemplates", "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		answer("/smsInternational/deleteTpl", "{\"reason\":\"此模板已删除\",\"result\":null,\"error_code\":235707}");
		answer("/smsInternational/areaCode", "{\"reason\":\"接口维护\",\"result\":null,\"error_code\":10020}");
		answer("/smsInternational/submitTpl", "{\"reason\":\"请求超过次数限制\",\"result\":null,\"error_code\":10012}");
		answer("/smsInternational/send", "{\"reason\":\"发送失败\",\"result\":null,\"error_code\":235706}");
		run((client) -> {
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.deleteTemplate(3))
				.satisfies((ex) -> assertThat(ex.getDocumented().documentText()).isEqualTo("此模板已删除"));
			assertThatExceptionOfType(JuheSmsQuotaException.class).isThrownBy(() -> client.submitTemplate("聚合", "内容"));
			assertThatExceptionOfType(JuheSmsServiceErrorException.class)
				.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "7911123456", 12)))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isFalse());
			// Last: 10001 starts the product's fail-fast cool-down.
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(client::myTemplates);
		});
		run((client) -> assertThatExceptionOfType(JuheSmsServiceUnavailableException.class)
			.isThrownBy(client::areaCodes));
	}

	@Test
	void internalErrorOnASendLeavesTheOutcomeUnknownAsTheDocumentWarns() {
		answer("/smsInternational/send", "{\"reason\":\"系统内部异常\",\"result\":null,\"error_code\":10014}");
		run((client) -> assertThatExceptionOfType(JuheSmsServiceErrorException.class)
			.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "7911123456", 12)))
			.satisfies((ex) -> {
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex.getAttempts()).isEqualTo(1);
			}));
		assertThat(requestsTo("/smsInternational/send")).hasSize(1);
	}

	@Test
	void busyCodeExceptionCarriesCodeAndAttempts() {
		answer("/smsInternational/send", "{\"reason\":\"网络繁忙，请稍后重试\",\"result\":null,\"error_code\":235700}");
		run((client) -> assertThatExceptionOfType(JuheSmsBusyException.class)
			.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "7911123456", 12)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(235700);
				assertThat(ex.getAttempts()).isEqualTo(3);
				assertThat(ex.isRetryable()).isTrue();
			}));
	}

	@Test
	void resultOfAnUnexpectedTypeIsAnInvalidResponse() {
		answer("/smsInternational/myTemplates",
				"{\"reason\":\"success\",\"result\":{\"templates\":{\"a\":1}},\"error_code\":0}");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(client::myTemplates)
			.withMessageContaining("'result.templates': expected a JSON array"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "44|''|mobile|must not be blank", "44|'   '|mobile|must not be blank",
			"44|79111abc56|mobile|ASCII digits", "44|７９１１１２３４５６|mobile|ASCII digits",
			"44|7911 123456|mobile|ASCII digits", "44|12|mobile|4-14 digits", "44|791112345678901|mobile|4-14 digits",
			"''|7911123456|areaNum|must not be blank", "4a|7911123456|areaNum|ASCII digits",
			"99999|7911123456|areaNum|1-4 digits", "999|7911123456|areaNum|not a known international calling code",
			"8|17911123456|areaNum|not a known international calling code",
			"44|79111|mobile|not a possible number for area code 44" })
	void invalidNumbersAreRefusedBeforeAnyCall(String areaCode, String mobile, String field, String rule) {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.send(InternationalSmsRequest.of(areaCode, mobile, 12)))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo(field);
				assertThat(ex.getRule()).contains(rule);
				assertThat(ex.getAttempts()).isZero();
				if (mobile.length() > 6) {
					assertThat(ex.getMessage()).doesNotContain(mobile);
				}
			}));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void otherBadInputIsRefusedBeforeAnyCall() {
		run((client) -> {
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(InternationalSmsRequest.of("44", "7911123456", 0)))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplId"));
			Map<String, String> badVariables = new LinkedHashMap<>();
			badVariables.put("#code#", "1");
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(new InternationalSmsRequest("44", "7911123456", 1, badVariables)))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplValue"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.submitTemplate("聚合", "字".repeat(497)))
				.satisfies((ex) -> assertThat(ex.getRule()).contains("at most 500 characters").contains("501"));
			// An emoji outside the Basic Multilingual Plane is two characters, as
			// carriers
			// count it: 【聚合】 (4) and 249 of them are 502.
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.submitTemplate("聚合", "😀".repeat(249)))
				.satisfies((ex) -> assertThat(ex.getRule()).contains("at most 500 characters").contains("502"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.submitTemplate(" ", "内容"))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("signature"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.submitTemplate("聚合", null))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("content"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class).isThrownBy(() -> client.deleteTemplate(-1))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplId"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void contentOfExactly500CharactersWithTheSignatureIsAccepted() {
		answer("/smsInternational/submitTpl", example(DOC, 0));
		run((client) -> assertThat(client.submitTemplate("聚合", "😀".repeat(248)).templateId()).isEqualTo(10005));
	}

	@Test
	void requestToStringMasksTheMobileAndHidesVariableValues() {
		InternationalSmsRequest request = new InternationalSmsRequest("44", "7911123456", 1, Map.of("code", "987654"));
		assertThat(request.toString()).contains("791****3456").doesNotContain("7911123456").doesNotContain("987654");
	}

	private void run(ThrowingClientConsumer test) {
		contextRunner().run((ContextConsumer<AssertableApplicationContext>) (context) -> test
			.accept(context.getBean(InternationalSmsClient.class)));
	}

	@FunctionalInterface
	interface ThrowingClientConsumer {

		void accept(InternationalSmsClient client) throws Throwable;

	}

}

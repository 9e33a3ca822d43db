package io.github.juhesms.smsapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsCredentialsException;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
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

class SmsApiClientTests extends JuheWireMockTests {

	private static final String DOC = "sms-api.txt";

	private static final String SEND = "/sms/send";

	private static final Map<String, String> CODE = Map.of("code", "1234");

	@Test
	void sendPostsVarsAsJsonByDefaultAndReadsCountFeeAndSid() {
		answer(SEND, successExample());
		run((client) -> {
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("name", "张三");
			variables.put("code", "1234");
			SmsApiResult result = client.send(SmsApiRequest.of("13812345678", 12, variables));
			assertThat(result).isEqualTo(new SmsApiResult(1, 1, "23d6bc4913614919a823271d820662af"));
			assertThat(onlyFormSentTo(SEND)).containsExactly(entry("key", KEY), entry("mobile", "13812345678"),
					entry("tpl_id", "12"), entry("vars", "{\"name\":\"张三\",\"code\":\"1234\"}"));
		});
	}

	@Test
	void sendPostsTheExtensionCode() {
		answer(SEND, successExample());
		run((client) -> {
			client.send(new SmsApiRequest("13812345678", 12, CODE, "123456789"));
			assertThat(onlyFormSentTo(SEND)).containsExactly(entry("key", KEY), entry("mobile", "13812345678"),
					entry("tpl_id", "12"), entry("vars", "{\"code\":\"1234\"}"), entry("ext", "123456789"));
		});
	}

	@Test
	void sendWithoutVariablesStillSendsVarsForTheDocumentRequiresIt() {
		answer(SEND, successExample());
		run((client) -> {
			client.send(SmsApiRequest.of("13812345678", 12, Map.of()));
			assertThat(onlyFormSentTo(SEND)).contains(entry("vars", "{}"));
		});
	}

	@Test
	void sendPostsTplValueWhenTheClientIsSoBuilt() {
		answer(SEND, successExample());
		contextRunner().run((context) -> {
			SmsApiClient client = new SmsApiClient(
					context.getBean(JuheProductApiFactory.class).create(JuheProduct.SMS_API, KEY, List.of()),
					SmsApiVariablesFormat.TPL_VALUE);
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("code", "431515");
			variables.put("name", "A&B=C");
			client.send(SmsApiRequest.of("13812345678", 12, variables));
			assertThat(onlyFormSentTo(SEND)).containsExactly(entry("key", KEY), entry("mobile", "13812345678"),
					entry("tpl_id", "12"), entry("tpl_value", "#code#=431515&#name#=A%26B%3DC"));
			assertThat(requestsTo(SEND).get(0).getBodyAsString()).contains("tpl_value=%23code%23%3D431515%26");
		});
	}

	@Test
	void answerWithoutCountOrFeeStillReturnsTheSid() {
		answer(SEND, "{\"reason\":\"短信发送成功\",\"result\":{\"sid\":\"abc\"},\"error_code\":0}");
		run((client) -> assertThat(client.send(SmsApiRequest.of("13812345678", 12, CODE)))
			.isEqualTo(new SmsApiResult(null, null, "abc")));
	}

	@Test
	void documentsFailureExampleIsRejected() throws IOException {
		answer(SEND, failureExample());
		run((client) -> assertThatExceptionOfType(JuheSmsRejectedException.class)
			.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, CODE)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(205401);
				assertThat(ex.getReason()).isEqualTo("错误的手机号码");
				assertThat(ex.getAttempts()).isEqualTo(1);
				assertThat(ex.getMessage()).doesNotContain("13812345678");
			}));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource({ "10001, CREDENTIALS", "10008, CREDENTIALS", "10011, QUOTA", "205405, QUOTA", "205408, QUOTA",
			"10021, SERVICE_UNAVAILABLE", "205404, SERVICE_ERROR", "10014, SERVICE_ERROR", "205402, REJECTED",
			"205406, REJECTED", "205407, REJECTED", "205410, REJECTED", "205403, BUSY", "205409, BUSY" })
	void errorCodesBecomeTheirCategory(int code, JuheSmsErrorCategory category) {
		answer(SEND, "{\"reason\":\"错误\",\"result\":null,\"error_code\":" + code + "}");
		run((client) -> assertThatExceptionOfType(JuheSmsException.class)
			.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, CODE)))
			.satisfies((ex) -> {
				assertThat(ex.getCategory()).isEqualTo(category);
				assertThat(ex.getErrorCode()).isEqualTo(code);
				assertThat(ex.getReason()).isEqualTo("错误");
				assertThat(ex.getProduct().id()).isEqualTo("sms-api");
				assertThat(ex.getOperation()).isEqualTo("send");
				assertThat(ex.getMessage()).contains(Integer.toString(code)).doesNotContain(KEY);
			}));
	}

	@Test
	void exceptionTypesFollowTheCategory() {
		answerInTurn(SEND, "{\"reason\":\"被禁止的KEY\",\"result\":null,\"error_code\":10009}",
				"{\"reason\":\"号码异常/同一号码发送次数过于频繁\",\"result\":null,\"error_code\":205405}",
				"{\"reason\":\"接口维护\",\"result\":null,\"error_code\":10020}",
				"{\"reason\":\"发送失败\",\"result\":null,\"error_code\":205404}");
		// Several account-state codes in one context: fail-fast is off so each answer is
		// seen.
		run((client) -> {
			SmsApiRequest request = SmsApiRequest.of("13812345678", 12, CODE);
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(request));
			assertThatExceptionOfType(JuheSmsQuotaException.class).isThrownBy(() -> client.send(request));
			assertThatExceptionOfType(JuheSmsServiceUnavailableException.class).isThrownBy(() -> client.send(request));
			assertThatExceptionOfType(JuheSmsServiceErrorException.class).isThrownBy(() -> client.send(request))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isFalse());
		}, "juhe.sms.fail-fast.cooldown=0");
	}

	@ParameterizedTest
	@CsvSource({ "205403, '网络错误,请重试'", "205409, '系统繁忙,请稍后重试'" })
	void busyThenSuccessIsRetriedOnce(int code, String reason) {
		answerInTurn(SEND, "{\"reason\":\"" + reason + "\",\"result\":null,\"error_code\":" + code + "}",
				successExample());
		run((client) -> {
			assertThat(client.send(SmsApiRequest.of("13812345678", 12, CODE)).sid())
				.isEqualTo("23d6bc4913614919a823271d820662af");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void busyOnEveryAttemptThrowsTheBusyException() {
		answer(SEND, "{\"reason\":\"系统繁忙,请稍后重试\",\"result\":null,\"error_code\":205409}");
		run((client) -> assertThatExceptionOfType(JuheSmsBusyException.class)
			.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, CODE)))
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3)));
		assertThat(requestsTo(SEND)).hasSize(3);
	}

	@Test
	void sendFailureIsNotRetried() {
		answerInTurn(SEND, "{\"reason\":\"发送失败\",\"result\":null,\"error_code\":205404}", successExample());
		run((client) -> assertThatExceptionOfType(JuheSmsServiceErrorException.class)
			.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, CODE))));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "NULL|is required", "''|must not be blank", "'   '|must not be blank",
					"1381234abcd|mainland mobile number", "１３８１２３４５６７８|mainland mobile number",
					"138 1234 5678|mainland mobile number", "1381234567|mainland mobile number",
					"138123456789|mainland mobile number", "8613812345678|mainland mobile number" })
	void invalidMobilesAreRefusedBeforeAnyCall(String mobile, String rule) {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.send(SmsApiRequest.of(mobile, 12, CODE)))
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
	@CsvSource(delimiter = '|', value = { "''|must not be blank", "12a|ASCII digits", "１２３|ASCII digits",
			"12 3|ASCII digits", "-12|ASCII digits", "1234567890|1-9 digits" })
	void invalidExtensionCodesAreRefusedBeforeAnyCall(String ext, String rule) {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.send(new SmsApiRequest("13812345678", 12, CODE, ext)))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("ext");
				assertThat(ex.getRule()).contains(rule);
			}));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void otherBadInputIsRefusedBeforeAnyCall() {
		run((client) -> {
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 0, CODE)))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tpl_id"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, Map.of("#code#", "1"))))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("vars"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(SmsApiRequest.of("13812345678", 12, null)))
				.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("vars"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void requestToStringMasksTheMobileAndHidesVariableValues() {
		SmsApiRequest request = new SmsApiRequest("13812345678", 12, Map.of("code", "987654"), "01");
		assertThat(request.toString()).contains("138****5678").doesNotContain("13812345678").doesNotContain("987654");
	}

	// The document's success example carries /* */ and // comments, which JSON does not
	// allow: stripped before answering.
	private static String successExample() {
		return example(DOC, 0).replaceAll("/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
	}

	// The document's failure example follows the success one under the same heading,
	// after a "// 失败示例" line, so the example helper (one per heading) does not reach it.
	private static String failureExample() throws IOException {
		String text = Files.readString(Path.of("../docs/juhe", DOC), StandardCharsets.UTF_8);
		int start = text.indexOf('{', text.indexOf("// 失败示例"));
		return text.substring(start, text.indexOf('}', start) + 1);
	}

	private void run(ThrowingClientConsumer test, String... properties) {
		contextRunner().withPropertyValues(properties)
			.run((ContextConsumer<AssertableApplicationContext>) (context) -> test
				.accept(context.getBean(SmsApiClient.class)));
	}

	@FunctionalInterface
	interface ThrowingClientConsumer {

		void accept(SmsApiClient client) throws Throwable;

	}

}

package io.github.juhesms.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.financial.Carrier;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.SharedJuheContext;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.github.juhesms.core.JuheProduct.FINANCIAL;
import static io.github.juhesms.core.JuheProduct.INTERNATIONAL;
import static io.github.juhesms.core.JuheProduct.SMS_API;
import static io.github.juhesms.core.JuheProduct.VERIFICATION_CODE;
import static io.github.juhesms.core.JuheProduct.VIDEO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every bad input of every product is refused before any HTTP call, with an exception
 * that names the field and the rule and never echoes a phone number.
 */
class BadInputTests extends JuheWireMockTests {

	private static final String MOBILE = "13812345678";

	private static final Map<String, String> CODE = Map.of("code", "1234");

	private static final ReliabilityFigures figures = new ReliabilityFigures("bad-inputs");

	private static SharedJuheContext shared;

	@AfterAll
	static void closeContextAndWriteFigures() {
		if (shared != null) {
			shared.close();
		}
		figures.write();
	}

	static Stream<Arguments> badInputs() {
		List<Arguments> rows = new ArrayList<>();
		// International SMS: area code and number, checked together with libphonenumber.
		rows.add(international("blank mobile", "44", "", "mobile", "must not be blank"));
		rows.add(international("null mobile", "44", null, "mobile", "is required"));
		rows.add(international("mobile with letters", "44", "79111abc56", "mobile", "ASCII digits 0-9 only"));
		rows.add(international("full-width mobile", "44", "７９１１１２３４５６", "mobile", "ASCII digits 0-9 only"));
		rows.add(international("mobile with a space", "44", "7911 123456", "mobile", "ASCII digits 0-9 only"));
		rows.add(international("mobile of 3 digits", "44", "791", "mobile", "must have 4-14 digits"));
		rows.add(international("mobile of 15 digits", "44", "791112345678901", "mobile", "must have 4-14 digits"));
		rows.add(international("French number too short", "33", "6123", "mobile",
				"is not a possible number for area code 33 (too short)"));
		rows.add(international("UK number without its area prefix", "44", "791112", "mobile",
				"is not a possible number for area code 44 (is possible local only)"));
		rows.add(international("UK number too long", "44", "79111234567890", "mobile",
				"is not a possible number for area code 44 (too long)"));
		rows.add(international("unknown area code 999", "999", "7911123456", "areaNum",
				"'999' is not a known international calling code"));
		rows.add(international("unassigned area code 28", "28", "7911123456", "areaNum",
				"'28' is not a known international calling code"));
		rows.add(international("area code 8 read as Japan's 81", "8", "1312345678", "areaNum",
				"'8' is not a known international calling code"));
		rows.add(international("area code with letters", "4A", "7911123456", "areaNum", "ASCII digits 0-9 only"));
		rows.add(international("area code with a plus", "+44", "7911123456", "areaNum", "ASCII digits 0-9 only"));
		rows.add(international("blank area code", " ", "7911123456", "areaNum", "must not be blank"));
		rows.add(international("area code of 5 digits", "12345", "7911123456", "areaNum", "must have 1-4 digits"));
		rows.add(row(INTERNATIONAL, "send", "template id 0", "tplId", "is required: a positive template id",
				(context) -> international(context).send(new InternationalSmsRequest("44", "7911123456", 0, CODE))));
		rows.add(row(INTERNATIONAL, "send", "negative template id", "tplId", "is required: a positive template id",
				(context) -> international(context).send(new InternationalSmsRequest("44", "7911123456", -5, CODE))));
		rows.add(row(INTERNATIONAL, "send", "null variables", "tplValue", "is required",
				(context) -> international(context).send(new InternationalSmsRequest("44", "7911123456", 12, null))));
		rows.add(row(INTERNATIONAL, "send", "variable name with #", "tplValue",
				"must be given without the surrounding '#'", (context) -> international(context)
					.send(new InternationalSmsRequest("44", "7911123456", 12, Map.of("#code#", "1")))));
		rows.add(row(INTERNATIONAL, "send", "null variable value", "tplValue",
				"value of variable 'code' must not be null", (context) -> international(context).send(
						new InternationalSmsRequest("44", "7911123456", 12, Collections.singletonMap("code", null)))));
		rows.add(row(INTERNATIONAL, "send", "blank variable name", "tplValue", "variable names must not be blank",
				(context) -> international(context)
					.send(new InternationalSmsRequest("44", "7911123456", 12, Map.of(" ", "1")))));
		rows.add(row(INTERNATIONAL, "submitTpl", "content over 500 characters with the signature", "content",
				"must be at most 500 characters with the signature (was 503)",
				(context) -> international(context).submitTemplate("聚合", "长".repeat(499))));
		rows.add(row(INTERNATIONAL, "submitTpl", "blank signature", "signature", "must not be blank",
				(context) -> international(context).submitTemplate(" ", "您的验证码是#code#")));
		rows.add(row(INTERNATIONAL, "submitTpl", "null content", "content", "is required",
				(context) -> international(context).submitTemplate("聚合", null)));
		rows.add(row(INTERNATIONAL, "deleteTpl", "template id 0", "tplId", "is required: a positive template id",
				(context) -> international(context).deleteTemplate(0)));
		// Financial SMS: up to 10,000 mainland numbers, each once.
		rows.add(financial("null numbers", null, "mobile", "is required"));
		rows.add(financial("no number", List.of(), "mobile", "must hold at least one number"));
		rows.add(financial("10,001 numbers", mobiles(10_001), "mobile",
				"must hold at most 10000 numbers per call (had 10001)"));
		rows.add(financial("a repeated number", List.of(MOBILE, "13912345678", MOBILE), "mobile",
				"must not repeat a number, which would be billed and received twice: index 2 repeats index 0"));
		rows.add(financial("number starting 12", List.of("12812345678"), "mobile",
				"number at index 0 must be a mainland mobile number: 11 ASCII digits starting 13-19"));
		rows.add(financial("number of 10 digits", List.of("1381234567"), "mobile",
				"must be a mainland mobile number: 11 ASCII digits starting 13-19 (was 10 characters)"));
		rows.add(financial("number of 12 digits", List.of("138123456789"), "mobile",
				"must be a mainland mobile number: 11 ASCII digits starting 13-19 (was 12 characters)"));
		rows.add(financial("full-width number", List.of("１３８１２３４５６７８"), "mobile",
				"(was 11 characters, with a non-ASCII digit)"));
		rows.add(financial("number with +86", List.of("+8613812345678"), "mobile",
				"must be a mainland mobile number: 11 ASCII digits starting 13-19 (was 14 characters)"));
		rows.add(financial("bad second number", List.of(MOBILE, "1381234567a"), "mobile",
				"number at index 1 must be a mainland mobile number"));
		rows.add(row(FINANCIAL, "send", "template id 0", "tplId", "is required: a positive template id",
				(context) -> financial(context).send(new FinancialSmsRequest(List.of(MOBILE), 0, CODE))));
		rows.add(row(FINANCIAL, "mobileGroup", "no number to group", "mobiles", "must hold at least one number",
				(context) -> financial(context).groupByCarrier(List.of())));
		rows.add(row(FINANCIAL, "mobileGroup", "10,001 numbers to group", "mobiles",
				"must hold at most 10000 numbers per call (had 10001)",
				(context) -> financial(context).groupByCarrier(mobiles(10_001))));
		rows.add(row(FINANCIAL, "send", "carrier send without templates", "tplId",
				"is required: the template of each carrier",
				(context) -> financial(context).sendByCarrier(null, List.of(MOBILE), CODE)));
		rows.add(row(FINANCIAL, "send", "carrier send missing a carrier's template", "tplId",
				"has no template for CHINA_UNICOM and no all-networks (ALL) template to fall back on",
				(context) -> financial(context).sendByCarrier(new CarrierTemplates(Map.of(Carrier.CHINA_MOBILE, 1L)),
						List.of(MOBILE), CODE)));
		rows.add(row(FINANCIAL, "send", "carrier send with a bad number", "mobile", "number at index 1",
				(context) -> financial(context).sendByCarrier(CarrierTemplates.allNetworks(1),
						List.of(MOBILE, "23812345678"), CODE)));
		rows.add(row(FINANCIAL, "submitTpl", "content of 501 characters with the signature", "content",
				"must be at most 500 characters with the signature (was 501)",
				(context) -> financial(context).submitTemplate("天聚地合", "额".repeat(495))));
		// Verification-code SMS: a mainland mobile, a code, a 2-16 character signature.
		rows.add(verificationCode("number starting 12", "12812345678", "mobile", "mainland mobile number"));
		rows.add(verificationCode("blank mobile", "   ", "mobile", "must not be blank"));
		rows.add(verificationCode("null mobile", null, "mobile", "is required"));
		rows.add(verificationCode("mobile with spaces", "138 1234 5678", "mobile",
				"(was 13 characters, with whitespace)"));
		rows.add(verificationCode("mobile ending in a full-width digit", "1381234567８", "mobile",
				"with a non-ASCII digit"));
		rows.add(verificationCode("mobile with letters", "138abcd5678", "mobile", "with a letter"));
		rows.add(row(VERIFICATION_CODE, "send", "no variable", "tplValue", "at least one variable",
				(context) -> verificationCode(context).send(MOBILE, 12, Map.of())));
		rows.add(row(VERIFICATION_CODE, "send", "template id 0", "tplId", "is required: a positive template id",
				(context) -> verificationCode(context).send(MOBILE, 0, CODE)));
		rows.add(signature("signature of 1 character", "聚", "must be 2-16 characters long (was 1)"));
		rows.add(signature("signature of 17 characters", "聚".repeat(17), "must be 2-16 characters long (was 17)"));
		rows.add(signature("signature with a hyphen", "聚合-数据",
				"must contain only Chinese characters, English letters and digits"));
		rows.add(signature("signature with an emoji", "聚合😀",
				"must contain only Chinese characters, English letters and digits"));
		rows.add(row(VERIFICATION_CODE, "submitTpl", "template code 0", "tplcode",
				"must be a positive template code from optionTpl",
				(context) -> verificationCode(context).submitTemplate("聚合数据", 0)));
		// SMS API: a mainland mobile and an extension code of at most 9 digits.
		rows.add(smsApi("extension with a letter", MOBILE, "12a", "ext", "ASCII digits 0-9 only"));
		rows.add(smsApi("extension of 10 digits", MOBILE, "1234567890", "ext", "must have 1-9 digits (had 10)"));
		rows.add(smsApi("empty extension", MOBILE, "", "ext", "must not be blank"));
		rows.add(smsApi("full-width extension", MOBILE, "１２", "ext", "ASCII digits 0-9 only"));
		rows.add(smsApi("mobile with a letter", "1381234567a", null, "mobile", "mainland mobile number"));
		rows.add(smsApi("mobile starting 11", "11012345678", null, "mobile", "mainland mobile number"));
		rows.add(row(SMS_API, "send", "template id 0", "tpl_id", "is required: a positive template id",
				(context) -> smsApi(context).send(SmsApiRequest.of(MOBILE, 0, CODE))));
		rows.add(row(SMS_API, "send", "null variables", "vars", "is required",
				(context) -> smsApi(context).send(SmsApiRequest.of(MOBILE, 12, null))));
		rows.add(row(SMS_API, "send", "blank variable name", "vars", "variable names must not be blank",
				(context) -> smsApi(context).send(SmsApiRequest.of(MOBILE, 12, Map.of("", "1")))));
		// Video SMS: a mainland mobile and a template.
		rows.add(video("mobile of 7 digits", "1381234", "mobile", "(was 7 characters)"));
		rows.add(video("mobile of 14 digits", "13812345678901", "mobile", "(was 14 characters)"));
		rows.add(video("null mobile", null, "mobile", "is required"));
		rows.add(row(VIDEO, "send", "template id 0", "tplId", "is required: a positive template id",
				(context) -> video(context).send(MOBILE, 0)));
		// Null arguments: refused naming the parameter, before any call (grouping
		// included).
		InternationalSmsRequest international = InternationalSmsRequest.of("44", "7911123456", 12);
		rows.add(row(INTERNATIONAL, "send", "null request", "request", "is required",
				(context) -> international(context).send(null)));
		rows.add(row(INTERNATIONAL, "send", "null options", "options", "is required",
				(context) -> international(context).send(international, null)));
		rows.add(row(FINANCIAL, "send", "null request", "request", "is required",
				(context) -> financial(context).send(null)));
		rows.add(row(FINANCIAL, "send", "null options", "options", "is required",
				(context) -> financial(context).send(new FinancialSmsRequest(List.of(MOBILE), 12, CODE), null)));
		rows.add(row(FINANCIAL, "send", "carrier send with null options", "options", "is required",
				(context) -> financial(context).sendByCarrier(CarrierTemplates.allNetworks(1), List.of(MOBILE), CODE,
						null)));
		rows.add(row(FINANCIAL, "mobileGroup", "null numbers to group", "mobiles", "is required",
				(context) -> financial(context).groupByCarrier(null)));
		rows.add(row(VERIFICATION_CODE, "send", "null options", "options", "is required",
				(context) -> verificationCode(context).send(MOBILE, 12, CODE, null)));
		rows.add(row(VERIFICATION_CODE, "send", "null variables", "tplValue", "is required",
				(context) -> verificationCode(context).send(MOBILE, 12, null)));
		rows.add(row(SMS_API, "send", "null request", "request", "is required",
				(context) -> smsApi(context).send(null)));
		rows.add(row(SMS_API, "send", "null options", "options", "is required",
				(context) -> smsApi(context).send(SmsApiRequest.of(MOBILE, 12, CODE), null)));
		rows.add(row(VIDEO, "send", "null options", "options", "is required",
				(context) -> video(context).send(MOBILE, 12, null)));
		// Variable values that cannot fit in a 500-character message are not written.
		rows.add(row(INTERNATIONAL, "send", "a variable of 501 characters", "tplValue",
				"values must hold at most 500 characters in all, as no message holds more (had 501)",
				(context) -> international(context)
					.send(new InternationalSmsRequest("44", "7911123456", 12, Map.of("code", "x".repeat(501))))));
		rows.add(row(SMS_API, "send", "a variable of 500,001 characters", "vars", "(had 500001)",
				(context) -> smsApi(context).send(SmsApiRequest.of(MOBILE, 12, Map.of("code", "长".repeat(500_001))))));
		rows.add(row(FINANCIAL, "send", "variables of 501 characters together", "tplValue", "(had 501)",
				(context) -> financial(context).send(new FinancialSmsRequest(List.of(MOBILE), 12,
						Map.of("a", "x".repeat(250), "b", "y".repeat(251))))));
		return rows.stream();
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("badInputs")
	void badInputIsRefusedBeforeAnyHttpCallNamingTheFieldAndTheRule(JuheProduct product, String operation, String input,
			String field, String rule, Consumer<ApplicationContext> call) {
		SharedJuheContext shared = shared();
		shared.clear();
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class).isThrownBy(() -> call.accept(shared.context()))
			.satisfies((ex) -> {
				assertThat(ex.getProduct()).isEqualTo(product);
				assertThat(ex.getOperation()).isEqualTo(operation);
				assertThat(ex.getField()).isEqualTo(field);
				assertThat(ex.getRule()).contains(rule);
				assertThat(ex.getMessage())
					.isEqualTo(product.id() + "." + operation + ": invalid '" + field + "': " + ex.getRule());
				assertThat(ex.getMessage()).doesNotContainPattern("[0-9０-９]{7,}");
				assertThat(ex.getAttempts()).isZero();
			});
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).isEmpty();
		assertThat(shared.events()).isEmpty();
		figures.count("bad-inputs");
		figures.count("bad-inputs." + product.id());
	}

	@Test
	void theTableHoldsAtLeastFortyDistinctBadInputs() {
		List<String> inputs = badInputs().map((row) -> row.get()[0] + " " + row.get()[1] + " " + row.get()[2]).toList();
		assertThat(inputs).hasSizeGreaterThanOrEqualTo(40).doesNotHaveDuplicates();
	}

	private static synchronized SharedJuheContext shared() {
		if (shared == null) {
			shared = SharedJuheContext.start(HttpClientKind.HTTP_COMPONENTS, wireMock.baseUrl());
		}
		return shared;
	}

	private static List<String> mobiles(int count) {
		return IntStream.range(0, count).mapToObj((i) -> "138" + String.format("%08d", i)).toList();
	}

	private static Arguments row(JuheProduct product, String operation, String input, String field, String rule,
			Consumer<ApplicationContext> call) {
		return Arguments.of(product, operation, input, field, rule, call);
	}

	private static Arguments international(String input, String areaCode, String mobile, String field, String rule) {
		return row(INTERNATIONAL, "send", input, field, rule,
				(context) -> international(context).send(new InternationalSmsRequest(areaCode, mobile, 12, CODE)));
	}

	private static Arguments financial(String input, List<String> mobiles, String field, String rule) {
		return row(FINANCIAL, "send", input, field, rule,
				(context) -> financial(context).send(new FinancialSmsRequest(mobiles, 12, CODE)));
	}

	private static Arguments verificationCode(String input, String mobile, String field, String rule) {
		return row(VERIFICATION_CODE, "send", input, field, rule,
				(context) -> verificationCode(context).send(mobile, 12, CODE));
	}

	private static Arguments signature(String input, String signature, String rule) {
		return row(VERIFICATION_CODE, "submitTpl", input, "signature", rule,
				(context) -> verificationCode(context).submitTemplate(signature, 1001));
	}

	private static Arguments smsApi(String input, String mobile, String ext, String field, String rule) {
		Map<String, String> variables = new HashMap<>(CODE);
		return row(SMS_API, "send", input, field, rule,
				(context) -> smsApi(context).send(new SmsApiRequest(mobile, 12, variables, ext)));
	}

	private static Arguments video(String input, String mobile, String field, String rule) {
		return row(VIDEO, "send", input, field, rule, (context) -> video(context).send(mobile, 12));
	}

	private static InternationalSmsClient international(ApplicationContext context) {
		return context.getBean(InternationalSmsClient.class);
	}

	private static FinancialSmsClient financial(ApplicationContext context) {
		return context.getBean(FinancialSmsClient.class);
	}

	private static VerificationCodeSmsClient verificationCode(ApplicationContext context) {
		return context.getBean(VerificationCodeSmsClient.class);
	}

	private static SmsApiClient smsApi(ApplicationContext context) {
		return context.getBean(SmsApiClient.class);
	}

	private static VideoSmsClient video(ApplicationContext context) {
		return context.getBean(VideoSmsClient.class);
	}

}

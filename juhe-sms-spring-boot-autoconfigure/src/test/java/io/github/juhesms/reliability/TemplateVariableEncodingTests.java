package io.github.juhesms.reliability;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.ProductFixture;
import io.github.juhesms.test.SharedJuheContext;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;

import static io.github.juhesms.test.ProductFixture.MOBILE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Template variables holding {@code #}, {@code &}, {@code =}, {@code %}, {@code +}, a
 * newline, an emoji or 1,000 characters are encoded, not refused: what the server
 * receives decodes back to exactly the values sent, for every product that takes
 * variables. (The 500-character rule is on the message as a whole; only Juhe knows the
 * template a send fills, so it checks that on a send.)
 */
class TemplateVariableEncodingTests extends JuheWireMockTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final ReliabilityFigures figures = new ReliabilityFigures("variable-encoding");

	private static SharedJuheContext varsContext;

	private static SharedJuheContext tplValueContext;

	@AfterAll
	static void closeContextsAndWriteFigures() {
		if (varsContext != null) {
			varsContext.close();
			tplValueContext.close();
		}
		figures.write();
	}

	static Stream<Arguments> awkwardValues() {
		return Stream.of(Arguments.of("hash", "#1#"), Arguments.of("ampersand", "a&b"), Arguments.of("equals", "x=y"),
				Arguments.of("percent", "100%"), Arguments.of("plus", "a+b c"), Arguments.of("newline", "第一行\n第二行"),
				// The long values fill a 500-character message with the two other
				// variables (7 characters).
				Arguments.of("emoji", "验证码😀👍🏽"), Arguments.of("long", "值&=#%".repeat(98) + "值&="),
				Arguments.of("long-plain", "x".repeat(493)),
				Arguments.of("everything", "#&=%+ \n😀" + "长".repeat(484)));
	}

	static Stream<Arguments> sends() {
		return Stream.of(
				send("international", "/smsInternational/send", "tplValue", false,
						(context, variables) -> context.getBean(InternationalSmsClient.class)
							.send(new InternationalSmsRequest("44", "7911123456", 12, variables))),
				send("financial", "/shortLetter/send.php", "tplValue", false,
						(context, variables) -> context.getBean(FinancialSmsClient.class)
							.send(new FinancialSmsRequest(List.of(MOBILE), 12, variables))),
				send("verification-code", "/vercodesms/send", "tplValue", false,
						(context, variables) -> context.getBean(VerificationCodeSmsClient.class)
							.send(MOBILE, 12, variables)),
				send("sms-api vars", "/sms/send", "vars", false,
						(context, variables) -> context.getBean(SmsApiClient.class)
							.send(SmsApiRequest.of(MOBILE, 12, variables))),
				send("sms-api tpl_value", "/sms/send", "tpl_value", true,
						(context, variables) -> context.getBean(SmsApiClient.class)
							.send(SmsApiRequest.of(MOBILE, 12, variables))));
	}

	static Stream<Arguments> cases() {
		return sends().flatMap((send) -> awkwardValues().map((value) -> Arguments.of(send.get()[0], send.get()[1],
				send.get()[2], send.get()[3], send.get()[4], value.get()[0], value.get()[1])));
	}

	@ParameterizedTest(name = "{0} {5}")
	@MethodSource("cases")
	void awkwardValueIsEncodedAndDecodesBackExactly(String product, String path, String parameter,
			boolean tplValueFormat, BiConsumer<ApplicationContext, Map<String, String>> send, String name,
			String value) {
		answer(path, ProductFixture.success("{\"sid\":\"s1\",\"fee\":1,\"count\":1}"));
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("code", "1234");
		variables.put(name, value);
		variables.put("tail", "end");
		send.accept(context(tplValueFormat).context(), variables);
		String received = onlyFormSentTo(path).get(parameter);
		Map<String, String> decoded = parameter.equals("vars") ? JSON.readValue(received, new TypeReference<>() {
		}) : decodeTemplateValue(received);
		assertThat(decoded).containsExactlyEntriesOf(variables);
		figures.count("encoded-values");
	}

	// The document's tplValue: #name#=value pairs joined by '&', each name and value
	// URL-decoded.
	private static Map<String, String> decodeTemplateValue(String tplValue) {
		Map<String, String> decoded = new LinkedHashMap<>();
		for (String pair : tplValue.split("&")) {
			assertThat(pair).startsWith("#").contains("#=");
			int end = pair.indexOf("#=");
			decoded.put(URLDecoder.decode(pair.substring(1, end), StandardCharsets.UTF_8),
					URLDecoder.decode(pair.substring(end + 2), StandardCharsets.UTF_8));
		}
		return decoded;
	}

	private static synchronized SharedJuheContext context(boolean tplValueFormat) {
		if (varsContext == null) {
			varsContext = SharedJuheContext.start(HttpClientKind.HTTP_COMPONENTS, wireMock.baseUrl());
			tplValueContext = SharedJuheContext.start(HttpClientKind.HTTP_COMPONENTS, wireMock.baseUrl(),
					"juhe.sms.sms-api.variables-format=tpl-value");
		}
		return tplValueFormat ? tplValueContext : varsContext;
	}

	private static Arguments send(String product, String path, String parameter, boolean tplValueFormat,
			BiConsumer<ApplicationContext, Map<String, String>> send) {
		return Arguments.of(product, path, parameter, tplValueFormat, send);
	}

}

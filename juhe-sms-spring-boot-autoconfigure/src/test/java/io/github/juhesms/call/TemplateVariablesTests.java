package io.github.juhesms.call;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TemplateVariablesTests {

	@Test
	void encodesOneVariableAsTheDocumentShows() {
		assertThat(TemplateVariables.encode(Map.of("code", "431515"))).isEqualTo("#code#=431515");
	}

	@Test
	void twoVariablesFormEncodeToTheDocumentsExample() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("code", "12345");
		variables.put("m", "5");
		String value = TemplateVariables.encode(variables);
		assertThat(value).isEqualTo("#code#=12345&#m#=5");
		// The verification-code document: "%23code%23%3d12345%26%23m%23%3d5" (hex case
		// aside).
		assertThat(formEncode(value)).isEqualToIgnoringCase("%23code%23%3d12345%26%23m%23%3d5");
	}

	@Test
	void specialCharactersInNamesAndValuesAreEncodedFirst() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("a&b", "x=y#z");
		variables.put("pct", "50%+1");
		assertThat(TemplateVariables.encode(variables)).isEqualTo("#a%26b#=x%3Dy%23z&#pct#=50%25%2B1");
	}

	@Test
	void valuesWithoutSpecialCharactersStayReadable() {
		assertThat(TemplateVariables.encode(Map.of("name", "张三 先生"))).isEqualTo("#name#=张三 先生");
	}

	@Test
	void unicodeEmojiNewlinesAndEmptyValuesRoundTrip() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("greeting", "你好 😀\n#1 & co = 100%");
		variables.put("empty", "");
		variables.put("long", "é".repeat(1000) + "&");
		String form = formEncode(TemplateVariables.encode(variables));
		assertThat(decodeLikeJuhe(form)).isEqualTo(variables);
	}

	@Test
	void noVariablesEncodeToEmpty() {
		assertThat(TemplateVariables.encode(Map.of())).isEmpty();
	}

	@Test
	void nullValueIsRefusedByTheFormBeforeEncoding() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("code", null);
		JuheOperation send = JuheOperation.send(JuheProduct.SMS_API, "send", "/send");
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> new JuheForm().addVariables(send, "tpl_value", variables, VariablesEncoding.PAIRS))
			.withMessageContaining("value of variable 'code' must not be null");
	}

	@Test
	void jsonVariablesForTheSmsApi() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("name", "张三");
		variables.put("code", "1234\"");
		assertThat(TemplateVariables.toJson(variables)).isEqualTo("{\"name\":\"张三\",\"code\":\"1234\\\"\"}");
	}

	private static String formEncode(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	// What the Juhe side does: form-decode once, split on '&' and '#...#=', decode each
	// part.
	static Map<String, String> decodeLikeJuhe(String formValue) {
		String value = URLDecoder.decode(formValue, StandardCharsets.UTF_8);
		Map<String, String> variables = new LinkedHashMap<>();
		for (String pair : value.split("&")) {
			int equals = pair.indexOf("#=");
			String name = pair.substring(1, equals);
			String raw = pair.substring(equals + 2);
			variables.put(rawDecode(name), rawDecode(raw));
		}
		return variables;
	}

	private static String rawDecode(String part) {
		return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}

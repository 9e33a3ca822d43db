package io.github.juhesms.test.fake;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Decoding and rendering of template variables.
 */
class TemplateValuesTests {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.INTERNATIONAL, "send", "/send");

	@Test
	void decodesWhatTheStartersEncoderWrites() {
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("code", "123456");
		variables.put("a&b", "x&y=z#");
		variables.put("pct", "100% + 1");
		variables.put("empty", "");
		variables.put("中文", "张 三");
		String onTheWire = URLEncoder.encode(
				new JuheForm().addVariables(SEND, "tplValue", variables, VariablesEncoding.PAIRS).get("tplValue"),
				StandardCharsets.UTF_8);

		assertThat(TemplateValues.decodePairs(URLDecoder.decode(onTheWire, StandardCharsets.UTF_8)))
			.containsExactlyEntriesOf(variables);
	}

	@Test
	void refusesWhatIsNotNameValuePairs() {
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateValues.decodePairs("code=1234"));
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateValues.decodePairs("#code#1234"));
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateValues.decodePairs("#code#=1&"));
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateValues.decodePairs("#code#=%2"));
	}

	@Test
	void decodesVarsTextAndNumbers() {
		assertThat(TemplateValues.decodeJson("{\"name\":\"张三\",\"code\":1234}"))
			.containsExactly(Map.entry("name", "张三"), Map.entry("code", "1234"));
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateValues.decodeJson("[\"1234\"]"));
		assertThatIllegalArgumentException().isThrownBy(() -> TemplateValues.decodeJson("{\"code\":{}}"));
	}

	@Test
	void rendersInOnePassAndLeavesMissingPlaceholders() {
		assertThat(TemplateValues.render("#a# #b# #c#", Map.of("a", "#b#", "b", "2"))).isEqualTo("#b# 2 #c#");
		assertThat(TemplateValues.namesIn("注册验证码:#code#有效期#m#分钟")).containsExactly("code", "m");
	}

}

package io.github.juhesms.test.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tables the fake answers with, read from the vendor's documents themselves (copied into
 * this jar by the build from {@code docs/juhe}): the {@code areaCode} array and the
 * verification-code option templates. Reading the documents rather than a copy keeps the
 * fake and the documents in step.
 */
final class VendorDocuments {

	/** The international SMS document, relative to this class. */
	static final String INTERNATIONAL = "docs/international.txt";

	/** The verification-code SMS document, relative to this class. */
	static final String VERIFICATION_CODE = "docs/verification-code.txt";

	private static final String EXAMPLE_HEADING = "JSON返回示例";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String AREA_CODES = example(INTERNATIONAL, "/smsInternational/areaCode");

	private static final Map<String, Integer> FEE_BY_AREA_CODE = feeByAreaCode(AREA_CODES);

	private static final List<VendorOptionTemplate> OPTION_TEMPLATES = optionTemplates(
			example(VERIFICATION_CODE, "/vercodesms/optionTpl"));

	private VendorDocuments() {
	}

	/**
	 * The {@code areaCode} example, character for character: a bare JSON array.
	 * @return the JSON text
	 */
	static String areaCodes() {
		return AREA_CODES;
	}

	/**
	 * The per-message fee of each area code. Where the table lists one code several times
	 * ({@code 1} is Canada, the United States and Puerto Rico), the first entry's fee is
	 * used.
	 * @return fee by area code
	 */
	static Map<String, Integer> feeByAreaCode() {
		return FEE_BY_AREA_CODE;
	}

	/**
	 * The {@code optionTpl} list, in the document's order.
	 * @return the option templates
	 */
	static List<VendorOptionTemplate> optionTemplates() {
		return OPTION_TEMPLATES;
	}

	private static Map<String, Integer> feeByAreaCode(String json) {
		Map<String, Integer> fees = new LinkedHashMap<>();
		for (JsonNode area : MAPPER.readTree(json)) {
			fees.putIfAbsent(area.get("areanum").asString().strip(), area.get("fee").asInt());
		}
		return Collections.unmodifiableMap(fees);
	}

	private static List<VendorOptionTemplate> optionTemplates(String json) {
		List<VendorOptionTemplate> templates = new ArrayList<>();
		for (JsonNode option : MAPPER.readTree(json).get("result")) {
			templates.add(VendorOptionTemplate.of(option.get("tplcode").asInt(), option.get("sms_tpl").asString(),
					option.get("des").asString()));
		}
		return List.copyOf(templates);
	}

	// The example after the endpoint's address: the balanced JSON object or array that
	// follows the next example heading. Markdown fences that split an example across
	// pages are dropped first.
	private static String example(String document, String endpoint) {
		String text = read(document).replaceAll("(?m)^```\\s*$", "");
		int heading = text.indexOf(EXAMPLE_HEADING, text.indexOf(endpoint));
		int start = heading;
		while (text.charAt(start) != '{' && text.charAt(start) != '[') {
			start++;
		}
		return text.substring(start, balancedEnd(text, start));
	}

	private static int balancedEnd(String text, int start) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if ((c == '}' || c == ']') && --depth == 0) {
				return i + 1;
			}
		}
		throw new IllegalStateException("Unbalanced JSON example at " + start);
	}

	private static String read(String document) {
		try (InputStream in = VendorDocuments.class.getResourceAsStream(document)) {
			if (in == null) {
				throw new IllegalStateException(document + " is missing from the jar");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.github.juhesms.test.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads template variables as Juhe does, and fills them into a template. {@code tplValue}
 * and {@code tpl_value} are {@code #name#=value} pairs joined by {@code &}, each name and
 * value percent-encoded on its own when it holds a special character; the form decoding
 * of the request has already undone the outer encoding. {@code vars} is a JSON object of
 * name to value.
 */
final class TemplateValues {

	private static final Pattern PLACEHOLDER = Pattern.compile("#([^#\\s]+)#");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TemplateValues() {
	}

	/**
	 * Decode {@code tplValue}/{@code tpl_value}, already form-decoded once.
	 * @param value the parameter value
	 * @return the variables in order, names without {@code #}
	 * @throws IllegalArgumentException if a pair is not {@code #name#=value} or an escape
	 * is broken
	 */
	static Map<String, String> decodePairs(String value) {
		Map<String, String> variables = new LinkedHashMap<>();
		if (value.isEmpty()) {
			return variables;
		}
		for (String pair : value.split("&", -1)) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : "";
			if (name.length() < 3 || !name.startsWith("#") || !name.endsWith("#")) {
				throw new IllegalArgumentException("'" + pair + "' is not a #name#=value pair");
			}
			variables.put(percentDecode(name.substring(1, name.length() - 1)),
					percentDecode(pair.substring(equals + 1)));
		}
		return variables;
	}

	/**
	 * Decode {@code vars}, a JSON object whose values are text or numbers.
	 * @param json the parameter value
	 * @return the variables in order
	 * @throws IllegalArgumentException if it is not such an object
	 */
	static Map<String, String> decodeJson(String json) {
		JsonNode object;
		try {
			object = MAPPER.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("vars is not JSON: " + ex.getOriginalMessage());
		}
		if (!object.isObject()) {
			throw new IllegalArgumentException("vars is not a JSON object");
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : object.properties()) {
			JsonNode value = property.getValue();
			if (!value.isString() && !value.isNumber()) {
				throw new IllegalArgumentException("vars." + property.getKey() + " is not text or a number");
			}
			variables.put(property.getKey(), value.asString());
		}
		return variables;
	}

	/**
	 * The variable names a template uses.
	 * @param template the template content
	 * @return the names without {@code #}, in order of appearance
	 */
	static Set<String> namesIn(String template) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(template);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return Collections.unmodifiableSet(names);
	}

	/**
	 * Fill variables into a template in one pass, so a value that looks like a
	 * placeholder stays as it is. A placeholder without a value is left in the text, as
	 * Juhe sends it (the SMS API document warns about exactly that).
	 * @param template the template content
	 * @param variables the values by name
	 * @return the text
	 */
	static String render(String template, Map<String, String> variables) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder text = new StringBuilder(template.length() + 16);
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			matcher.appendReplacement(text, Matcher.quoteReplacement((value != null) ? value : matcher.group()));
		}
		matcher.appendTail(text);
		return text.toString();
	}

	// urldecode as PHP has it: "+" reads as a space, which is why the starter escapes "+"
	// itself.
	private static String percentDecode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

}

package io.github.juhesms.test.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One request to the fake: its endpoint and its parameters, query and form body merged.
 *
 * @param endpoint the endpoint called
 * @param parameters the decoded parameters; a body parameter wins over a query parameter
 * of the same name
 */
record JuheRequest(JuheEndpoint endpoint, Map<String, String> parameters) {

	private static final Pattern TEMPLATE_ID = Pattern.compile("[1-9][0-9]{0,17}");

	@Nullable String parameter(String name) {
		return this.parameters.get(name);
	}

	/**
	 * A parameter that must be present and not blank.
	 * @param name the parameter
	 * @param code the product's code for a missing parameter
	 * @return the value
	 */
	String required(String name, int code) {
		String value = parameter(name);
		if (value == null || value.isBlank()) {
			throw JuheRejection.of(code, "缺少参数" + name);
		}
		return value;
	}

	/**
	 * A template id parameter: a positive whole number.
	 * @param name the parameter
	 * @param code the product's code for a malformed template id
	 * @return the id
	 */
	long templateId(String name, int code) {
		String value = parameter(name);
		if (value == null || !TEMPLATE_ID.matcher(value).matches()) {
			throw JuheRejection.of(code, null);
		}
		return Long.parseLong(value);
	}

	/**
	 * The {@code #name#=value} variables of a parameter; none when it is absent.
	 * @param name the parameter
	 * @param code the product's code for malformed variables
	 * @return the variables
	 */
	Map<String, String> templateValues(String name, int code) {
		String value = parameter(name);
		try {
			return (value != null) ? TemplateValues.decodePairs(value) : Map.of();
		}
		catch (IllegalArgumentException ex) {
			throw JuheRejection.of(code, name + "格式错误(" + ex.getMessage() + ")");
		}
	}

	/**
	 * The numbers the request is about, for faults aimed at a mobile.
	 * @return the numbers, International ones also preceded by their area code
	 */
	List<String> mobiles() {
		List<String> mobiles = new ArrayList<>();
		for (String name : List.of("mobile", "mobiles")) {
			String value = parameter(name);
			if (value != null) {
				mobiles.addAll(List.of(value.split(",")));
			}
		}
		String areaCode = parameter("areaNum");
		if (areaCode != null && mobiles.size() == 1) {
			mobiles.add(areaCode + mobiles.get(0));
		}
		return mobiles;
	}

}

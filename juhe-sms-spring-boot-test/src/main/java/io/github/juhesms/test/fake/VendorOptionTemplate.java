package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A ready-made verification-code text of {@code optionTpl}, with the variable rules its
 * description ({@code des}) states, e.g. "#code#变量仅允许长度为4-8位的数字#m#允许1-3位数字".
 *
 * @param code the template code ({@code tplcode})
 * @param text the text ({@code sms_tpl})
 * @param description the rules as the document words them ({@code des})
 * @param digitRules for each variable, the least and most digits its value may have
 */
record VendorOptionTemplate(int code, String text, String description, Map<String, DigitRule> digitRules) {

	// "#name#" followed, before the next variable, by "<min>-<max>位".
	private static final Pattern RULE = Pattern.compile("#([^#]+)#[^#]*?(\\d+)-(\\d+)位");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	static VendorOptionTemplate of(int code, String text, String description) {
		Map<String, DigitRule> rules = new LinkedHashMap<>();
		Matcher matcher = RULE.matcher(description);
		while (matcher.find()) {
			rules.put(matcher.group(1),
					new DigitRule(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
		}
		return new VendorOptionTemplate(code, text, description, Map.copyOf(rules));
	}

	/**
	 * Check the values of a send against the text's variables and the described rules.
	 * @param variables the values by name
	 * @return what is wrong, in the document's words, or {@code null} when all is well
	 */
	@Nullable String problemWith(Map<String, String> variables) {
		for (String name : TemplateValues.namesIn(this.text)) {
			String value = variables.get(name);
			if (value == null) {
				return "缺少变量#" + name + "#";
			}
			DigitRule rule = this.digitRules.get(name);
			if (rule != null && !rule.allows(value)) {
				return "#" + name + "#允许" + rule.min() + "-" + rule.max() + "位数字";
			}
		}
		return null;
	}

	/**
	 * A variable's value must be ASCII digits, between {@code min} and {@code max} of
	 * them.
	 *
	 * @param min the least digits
	 * @param max the most digits
	 */
	record DigitRule(int min, int max) {

		boolean allows(String value) {
			return DIGITS.matcher(value).matches() && value.length() >= this.min && value.length() <= this.max;
		}

	}

}

package io.github.juhesms.template;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a verification-code template's variable may hold, as its description ({@code des})
 * states it, e.g. "#code#变量仅允许长度为4-8位的数字": ASCII digits, between {@code min} and
 * {@code max} of them.
 *
 * @param min the least digits
 * @param max the most digits
 */
public record VariableRule(int min, int max) {

	// "#name#" followed, before the next variable, by "<min>-<max>位" and "数字".
	private static final Pattern DIGITS_RULE = Pattern.compile("#([^#\\s]+)#[^#]*?(\\d+)-(\\d+)位[^#]*?数字");

	/**
	 * The rules a template description states, by variable name. A description worded
	 * otherwise states none the starter reads, and Juhe's own check still applies.
	 * @param description the description ({@code des}), may be empty
	 * @return the rules by variable name
	 */
	public static Map<String, VariableRule> parse(String description) {
		Map<String, VariableRule> rules = new LinkedHashMap<>();
		Matcher matcher = DIGITS_RULE.matcher(description);
		while (matcher.find()) {
			rules.put(matcher.group(1),
					new VariableRule(Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3))));
		}
		return Map.copyOf(rules);
	}

	/**
	 * Whether a value keeps the rule.
	 * @param value the value
	 * @return {@code true} for {@code min} to {@code max} ASCII digits
	 */
	public boolean allows(String value) {
		if (value.length() < this.min || value.length() > this.max) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The rule in words, for a refusal.
	 * @return e.g. "4-8 digits"
	 */
	public String describe() {
		return this.min + "-" + this.max + " digits";
	}

}

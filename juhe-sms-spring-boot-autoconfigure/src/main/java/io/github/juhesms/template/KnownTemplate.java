package io.github.juhesms.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.juhesms.core.TemplateReviewState;

/**
 * A template as the starter knows it from the product's template list (or, for the SMS
 * API, from configuration): what a send with it must fill in and whether it may be used.
 *
 * @param templateId the template's id
 * @param signature the signature, without brackets; empty where the text holds it
 * @param text the text, with variables written {@code #name#}
 * @param usable whether Juhe sends with it (approved, and valid where the product says)
 * @param state the template's state in words, for a refusal (e.g. "pending review")
 * @param variableNames the names of the text's variables, in order of appearance
 * @param variableRules what some variables may hold, by name
 */
public record KnownTemplate(long templateId, String signature, String text, boolean usable, String state,
		Set<String> variableNames, Map<String, VariableRule> variableRules) {

	// As Juhe writes variables: "#name#", a name without '#' or white space.
	private static final Pattern VARIABLE = Pattern.compile("#([^#\\s]+)#");

	/**
	 * A template with the variables its text names.
	 * @param templateId the id
	 * @param signature the signature, empty where the text holds it
	 * @param text the text
	 * @param usable whether Juhe sends with it
	 * @param state the state in words
	 * @param variableRules what some variables may hold
	 * @return the template
	 */
	public static KnownTemplate of(long templateId, String signature, String text, boolean usable, String state,
			Map<String, VariableRule> variableRules) {
		return new KnownTemplate(templateId, signature, text, usable, state, variablesIn(text),
				Map.copyOf(variableRules));
	}

	/**
	 * A template of a product that reviews templates: usable once approved.
	 * @param templateId the id
	 * @param signature the signature
	 * @param text the text
	 * @param state the review state
	 * @return the template
	 */
	public static KnownTemplate reviewed(long templateId, String signature, String text, TemplateReviewState state) {
		return of(templateId, signature, text, state == TemplateReviewState.APPROVED, "review state " + state,
				Map.of());
	}

	/**
	 * The message as the handset shows it: {@code 【signature】} and the text with the
	 * variables filled in, in one pass, so a value that looks like a variable stays as it
	 * is.
	 * @param variables the values by name; a variable without one stays as written
	 * @return the message text
	 */
	public String render(Map<String, String> variables) {
		StringBuilder message = new StringBuilder(this.text.length() + this.signature.length() + 32);
		if (!this.signature.isEmpty()) {
			message.append('【').append(this.signature).append('】');
		}
		Matcher matcher = VARIABLE.matcher(this.text);
		int end = 0;
		while (matcher.find()) {
			String value = variables.get(matcher.group(1));
			message.append(this.text, end, matcher.start()).append((value != null) ? value : matcher.group());
			end = matcher.end();
		}
		return message.append(this.text, end, this.text.length()).toString();
	}

	/**
	 * The names of the variables a text holds.
	 * @param text the text
	 * @return the names, in order of appearance
	 */
	public static Set<String> variablesIn(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return Collections.unmodifiableSet(names);
	}

}

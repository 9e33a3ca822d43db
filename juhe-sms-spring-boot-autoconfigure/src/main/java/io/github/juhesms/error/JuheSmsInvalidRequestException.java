package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * An input breaks a rule of the Juhe document, so the request was refused before any HTTP
 * call. Names the field and the rule; never quotes a full mobile number.
 */
public class JuheSmsInvalidRequestException extends JuheSmsException {

	/** The request field that breaks a rule. */
	private final String field;

	/** The rule the field breaks. */
	private final String rule;

	/**
	 * Create an exception for a bad input.
	 * @param operation the operation that was called
	 * @param field the request field, as the Juhe document names it
	 * @param rule the rule the value breaks
	 */
	public JuheSmsInvalidRequestException(JuheOperation operation, String field, String rule) {
		super(operation, JuheSmsErrorCategory.INVALID_REQUEST, "invalid '" + field + "': " + rule, null);
		this.field = field;
		this.rule = rule;
		refusedLocally();
	}

	/**
	 * The field that breaks a rule.
	 * @return the field name
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * The rule the field breaks.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

}

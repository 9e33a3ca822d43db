package io.github.juhesms.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A start-up failure caused by the {@code juhe.sms.*} configuration, which
 * {@link JuheSmsFailureAnalyzer} reports naming the property, the value and the rule.
 */
class JuheSmsConfigurationException extends IllegalStateException {

	private final String property;

	private final @Nullable String value;

	private final String rule;

	private final String action;

	JuheSmsConfigurationException(String property, @Nullable String value, String rule, String action) {
		super(property + " (" + ((value != null) ? "'" + value + "'" : "not set") + ") " + rule + ". " + action);
		this.property = property;
		this.value = value;
		this.rule = rule;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	@Nullable String getValue() {
		return this.value;
	}

	String getRule() {
		return this.rule;
	}

	String getAction() {
		return this.action;
	}

}

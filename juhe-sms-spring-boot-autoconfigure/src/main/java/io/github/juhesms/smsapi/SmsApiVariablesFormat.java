package io.github.juhesms.smsapi;

/**
 * How the SMS API's {@code send} carries template variables: the document offers two
 * parameters.
 */
public enum SmsApiVariablesFormat {

	/** {@code vars}: a JSON object of name to value, which the document recommends. */
	VARS,

	/** {@code tpl_value}: {@code #name#=value} pairs joined by {@code &}. */
	TPL_VALUE

}

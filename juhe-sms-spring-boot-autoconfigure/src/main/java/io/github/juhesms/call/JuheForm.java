package io.github.juhesms.call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The form parameters of one call, in order, without the key. The key is added only when
 * the body is encoded, so it never sits in an object that is logged or kept.
 */
public final class JuheForm {

	/**
	 * Create an empty form.
	 */
	public JuheForm() {
	}

	private final List<String> names = new ArrayList<>(6);

	private final List<String> values = new ArrayList<>(6);

	/**
	 * Add a parameter; a {@code null} value is left out.
	 * @param name the parameter name as the Juhe document spells it
	 * @param value the value, or {@code null} to leave it out
	 * @return this form
	 */
	public JuheForm add(String name, @Nullable Object value) {
		if (value != null) {
			this.names.add(name);
			this.values.add(value.toString());
		}
		return this;
	}

	/**
	 * Add the template variables parameter, once validated: names non-blank and without
	 * {@code #}, values non-null.
	 * @param operation the operation, named by a refusal
	 * @param name the parameter name as the Juhe document spells it ({@code tplValue},
	 * {@code tpl_value}, {@code vars})
	 * @param variables variable names (without {@code #}) to values
	 * @param encoding how the product writes the parameter, and whether it is left out
	 * when there are no variables
	 * @return this form
	 * @throws JuheSmsInvalidRequestException if a variable breaks a rule, or none is
	 * given where the product requires one
	 */
	public JuheForm addVariables(JuheOperation operation, String name, @Nullable Map<String, String> variables,
			VariablesEncoding encoding) {
		Map<String, String> checked = JuheValidation.requireVariables(operation, name, variables);
		if (checked.isEmpty()) {
			switch (encoding) {
				case PAIRS_OMITTED_WHEN_EMPTY -> {
					return this;
				}
				case PAIRS_AT_LEAST_ONE -> throw new JuheSmsInvalidRequestException(operation, name,
						"is required: at least one variable, such as the code");
				default -> {
				}
			}
		}
		return add(name, (encoding == VariablesEncoding.JSON) ? TemplateVariables.toJson(checked)
				: TemplateVariables.encode(checked));
	}

	/**
	 * Value of a parameter, for tests and diagnostics.
	 * @param name the parameter name
	 * @return the value or {@code null}
	 */
	public @Nullable String get(String name) {
		int index = this.names.indexOf(name);
		return (index >= 0) ? this.values.get(index) : null;
	}

	/**
	 * A digest of the operation and every parameter, which tells a repeated request from
	 * a different one. Unkeyed: it stays in memory until the send guard keys it.
	 * @param operation the operation the form is sent to
	 * @return the SHA-256 of the operation and parameters, in hex
	 */
	String fingerprint(JuheOperation operation) {
		StringBuilder text = new StringBuilder(operation.toString());
		for (int i = 0; i < this.names.size(); i++) {
			// Lengths first, so no value can pass for a name and another value.
			String name = this.names.get(i);
			String value = this.values.get(i);
			text.append('\n').append(name.length()).append(':').append(name).append(value.length()).append(':');
			text.append(value);
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Encode as {@code application/x-www-form-urlencoded} in UTF-8, with the key first.
	 * @param key the product's key
	 * @return the request body
	 */
	byte[] encode(String key) {
		StringBuilder body = new StringBuilder(64 + 16 * this.names.size());
		append(body, "key", key);
		for (int i = 0; i < this.names.size(); i++) {
			body.append('&');
			append(body, this.names.get(i), this.values.get(i));
		}
		return body.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static void append(StringBuilder body, String name, String value) {
		body.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "JuheForm" + this.names;
	}

	/**
	 * How a product writes its template variables parameter.
	 */
	public enum VariablesEncoding {

		/** {@code #name#=value&...}, left out when there are no variables. */
		PAIRS_OMITTED_WHEN_EMPTY,

		/**
		 * {@code #name#=value&...}, sent even when empty, as the document requires it.
		 */
		PAIRS,

		/** {@code #name#=value&...} with at least one variable. */
		PAIRS_AT_LEAST_ONE,

		/** A JSON object, sent even when empty. */
		JSON

	}

}

package io.github.juhesms.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
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
	 * Encode as {@code application/x-www-form-urlencoded} in UTF-8, with the key first:
	 * the bytes {@link java.net.URLEncoder} would give, written straight into one array
	 * (the encoder's own per-value buffers and copies were a tenth of a send's CPU).
	 * @param key the product's key
	 * @return the request body
	 */
	byte[] encode(String key) {
		int length = key.length() + 4;
		for (int i = 0; i < this.names.size(); i++) {
			length += this.names.get(i).length() + this.values.get(i).length() + 2;
		}
		FormBytes body = new FormBytes(length + length / 2);
		body.append("key", key);
		for (int i = 0; i < this.names.size(); i++) {
			body.put('&');
			body.append(this.names.get(i), this.values.get(i));
		}
		return body.bytes();
	}

	@Override
	public String toString() {
		return "JuheForm" + this.names;
	}

	// A growing byte array that percent-encodes as URLEncoder does in UTF-8: letters,
	// digits and ".-*_" as they are, a space as "+", every other byte of the UTF-8 form
	// as "%XX", and a surrogate without its pair as "?" (%3F), as the charset replaces
	// it.
	private static final class FormBytes {

		private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

		private byte[] bytes;

		private int size;

		FormBytes(int capacity) {
			this.bytes = new byte[Math.max(capacity, 16)];
		}

		void append(String name, String value) {
			encode(name);
			put('=');
			encode(value);
		}

		private void encode(String text) {
			int length = text.length();
			for (int i = 0; i < length; i++) {
				char c = text.charAt(i);
				if (isUnreserved(c)) {
					put(c);
				}
				else if (c == ' ') {
					put('+');
				}
				else if (c < 0x80) {
					percent(c);
				}
				else if (c < 0x800) {
					percent(0xC0 | (c >> 6));
					percent(0x80 | (c & 0x3F));
				}
				else if (Character.isHighSurrogate(c) && i + 1 < length
						&& Character.isLowSurrogate(text.charAt(i + 1))) {
					int codePoint = Character.toCodePoint(c, text.charAt(++i));
					percent(0xF0 | (codePoint >> 18));
					percent(0x80 | ((codePoint >> 12) & 0x3F));
					percent(0x80 | ((codePoint >> 6) & 0x3F));
					percent(0x80 | (codePoint & 0x3F));
				}
				else if (Character.isSurrogate(c)) {
					percent('?');
				}
				else {
					percent(0xE0 | (c >> 12));
					percent(0x80 | ((c >> 6) & 0x3F));
					percent(0x80 | (c & 0x3F));
				}
			}
		}

		private static boolean isUnreserved(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
					|| c == '*' || c == '_';
		}

		private void percent(int octet) {
			put('%');
			put(HEX[(octet >> 4) & 0xF]);
			put(HEX[octet & 0xF]);
		}

		private void put(int octet) {
			if (this.size == this.bytes.length) {
				this.bytes = Arrays.copyOf(this.bytes, this.bytes.length * 2);
			}
			this.bytes[this.size++] = (byte) octet;
		}

		byte[] bytes() {
			return (this.size == this.bytes.length) ? this.bytes : Arrays.copyOf(this.bytes, this.size);
		}

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

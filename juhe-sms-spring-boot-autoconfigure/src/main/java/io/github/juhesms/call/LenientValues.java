package io.github.juhesms.call;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The documents' lenient types: numbers sent as text and text sent as numbers.
 */
final class LenientValues {

	private LenientValues() {
	}

	/**
	 * Read text; a number or boolean is turned into text.
	 * @param value the node
	 * @return the text, or {@code null} when absent or JSON {@code null}
	 * @throws IllegalArgumentException naming the expected type otherwise
	 */
	static @Nullable String text(JsonNode value) {
		if (value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isString()) {
			return value.stringValue();
		}
		if (value.isNumber() || value.isBoolean()) {
			return value.asString();
		}
		throw new IllegalArgumentException("expected text");
	}

	/**
	 * Read a whole number; numeric text such as {@code "1"} is accepted.
	 * @param value the node
	 * @return the number, or {@code null} when absent, JSON {@code null} or empty text
	 * @throws IllegalArgumentException naming the expected type otherwise
	 */
	static @Nullable Long wholeNumber(JsonNode value) {
		if (value.isNull() || value.isMissingNode()) {
			return null;
		}
		try {
			if (value.isIntegralNumber() && value.canConvertToLong()) {
				return value.longValue();
			}
			if (value.isNumber()) {
				return value.decimalValue().longValueExact();
			}
			if (value.isString()) {
				String text = value.stringValue().strip();
				return text.isEmpty() ? null : new BigDecimal(text).longValueExact();
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// not a whole number: refused below
		}
		throw new IllegalArgumentException("expected a whole number");
	}

}

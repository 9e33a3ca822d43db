package io.github.juhesms.call;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.MessageLength;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Checks of request fields, made before any HTTP call. Each failure names the field and
 * the rule; none echoes a phone number.
 */
public final class JuheValidation {

	private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

	private JuheValidation() {
	}

	/**
	 * Require an argument, such as a request or its options.
	 * @param <T> the argument's type
	 * @param operation the operation called
	 * @param parameter the parameter's name
	 * @param value the argument
	 * @return the argument
	 */
	public static <T> T requireArgument(JuheOperation operation, String parameter, @Nullable T value) {
		if (value == null) {
			throw new JuheSmsInvalidRequestException(operation, parameter, "is required");
		}
		return value;
	}

	/**
	 * Require text that is not blank.
	 * @param operation the operation called
	 * @param field the field name
	 * @param value the value
	 * @return the value
	 */
	public static String requireText(JuheOperation operation, String field, @Nullable String value) {
		if (value == null) {
			throw new JuheSmsInvalidRequestException(operation, field, "is required");
		}
		if (value.isBlank()) {
			throw new JuheSmsInvalidRequestException(operation, field, "must not be blank");
		}
		return value;
	}

	/**
	 * Require text of a length, counted in code points: a field's length rule (a
	 * signature's 2-16 characters) counts a character outside the Basic Multilingual
	 * Plane once; what a message is billed for is {@link MessageLength}'s.
	 * @param operation the operation called
	 * @param field the field name
	 * @param value the value
	 * @param min the least characters
	 * @param max the most characters
	 * @return the value
	 */
	public static String requireLength(JuheOperation operation, String field, @Nullable String value, int min,
			int max) {
		requireText(operation, field, value);
		int length = value.codePointCount(0, value.length());
		if (length < min || length > max) {
			String rule = (min == max) ? "must be " + min : "must be " + min + "-" + max;
			throw new JuheSmsInvalidRequestException(operation, field, rule + " characters long (was " + length + ")");
		}
		return value;
	}

	/**
	 * Require ASCII digits only, of a length.
	 * @param operation the operation called
	 * @param field the field name
	 * @param value the value
	 * @param minDigits the least digits
	 * @param maxDigits the most digits
	 * @return the value
	 */
	public static String requireDigits(JuheOperation operation, String field, @Nullable String value, int minDigits,
			int maxDigits) {
		requireText(operation, field, value);
		if (!ASCII_DIGITS.matcher(value).matches()) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"must contain ASCII digits 0-9 only (no spaces, signs, letters or full-width digits)");
		}
		if (value.length() < minDigits || value.length() > maxDigits) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"must have " + minDigits + "-" + maxDigits + " digits (had " + value.length() + ")");
		}
		return value;
	}

	/**
	 * Require a mainland China mobile number: 11 ASCII digits of the form
	 * {@code 1[3-9]xxxxxxxxx}.
	 * @param operation the operation called
	 * @param field the field name
	 * @param value the value
	 * @return the value
	 */
	public static String requireMainlandMobile(JuheOperation operation, String field, @Nullable String value) {
		requireText(operation, field, value);
		if (!MAINLAND_MOBILE.matcher(value).matches()) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"must be a mainland mobile number: 11 ASCII digits starting 13-19 (was " + describe(value) + ")");
		}
		return value;
	}

	/**
	 * Require a list of mainland mobile numbers: at least one, at most {@code max}, each
	 * valid. A failure names the position of the bad number, never the number.
	 * @param operation the operation called
	 * @param field the field name
	 * @param mobiles the numbers
	 * @param max the most numbers per call
	 * @return the numbers
	 */
	public static List<String> requireMainlandMobiles(JuheOperation operation, String field,
			@Nullable List<String> mobiles, int max) {
		if (mobiles == null) {
			throw new JuheSmsInvalidRequestException(operation, field, "is required");
		}
		if (mobiles.isEmpty()) {
			throw new JuheSmsInvalidRequestException(operation, field, "must hold at least one number");
		}
		if (mobiles.size() > max) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"must hold at most " + max + " numbers per call (had " + mobiles.size() + ")");
		}
		for (int i = 0; i < mobiles.size(); i++) {
			try {
				requireMainlandMobile(operation, field, mobiles.get(i));
			}
			catch (JuheSmsInvalidRequestException ex) {
				throw new JuheSmsInvalidRequestException(operation, field, "number at index " + i + " " + ex.getRule());
			}
		}
		return mobiles;
	}

	/**
	 * Require a template's signature and content, at most 500 characters together as the
	 * message renders them ({@code 【signature】content}), the longest message the
	 * documents allow, counted as {@link MessageLength} counts them.
	 * @param operation the operation called
	 * @param signature the signature
	 * @param content the content
	 */
	public static void requireTemplateText(JuheOperation operation, @Nullable String signature,
			@Nullable String content) {
		requireText(operation, "signature", signature);
		requireText(operation, "content", content);
		MessageLength length = MessageLength.of("【" + signature + "】" + content);
		if (length.isTooLong()) {
			throw new JuheSmsInvalidRequestException(operation, "content",
					"must be at most " + MessageLength.MAX_CHARACTERS + " characters with the signature (was "
							+ length.characters() + ")");
		}
	}

	/**
	 * Require a positive template id.
	 * @param operation the operation called
	 * @param field the field name
	 * @param templateId the id
	 * @return the id
	 */
	public static long requireTemplateId(JuheOperation operation, String field, long templateId) {
		if (templateId <= 0) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"is required: a positive template id (was " + templateId + ")");
		}
		return templateId;
	}

	/**
	 * Require template variables with non-empty names and non-null values that fit in one
	 * message. Values may hold any character: the encoder escapes them.
	 * @param operation the operation called
	 * @param field the field name
	 * @param variables the variables
	 * @return the variables
	 */
	public static Map<String, String> requireVariables(JuheOperation operation, String field,
			@Nullable Map<String, String> variables) {
		if (variables == null) {
			throw new JuheSmsInvalidRequestException(operation, field, "is required (use an empty map for none)");
		}
		long characters = 0;
		for (String value : variables.values()) {
			// UTF-16 code units, as MessageLength counts a message.
			characters += (value != null) ? value.length() : 0;
		}
		// Refused before anything is written: values that cannot fit in a message only
		// make the request large.
		if (characters > MessageLength.MAX_CHARACTERS) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"values must hold at most " + MessageLength.MAX_CHARACTERS
							+ " characters in all, as no message holds more (had " + characters + ")");
		}
		variables.forEach((name, value) -> {
			if (name == null || name.isBlank()) {
				throw new JuheSmsInvalidRequestException(operation, field, "variable names must not be blank");
			}
			if (name.indexOf('#') >= 0) {
				throw new JuheSmsInvalidRequestException(operation, field,
						"variable name '" + name + "' must be given without the surrounding '#'");
			}
			if (value == null) {
				throw new JuheSmsInvalidRequestException(operation, field,
						"value of variable '" + name + "' must not be null");
			}
		});
		return variables;
	}

	/**
	 * Describe a value that breaks a rule without showing it: its length and the kinds of
	 * character it holds.
	 * @param value the value
	 * @return a description such as {@code "12 characters, with a non-ASCII digit"}
	 */
	static String describe(String value) {
		StringBuilder description = new StringBuilder().append(value.length()).append(" characters");
		if (value.chars().anyMatch(Character::isWhitespace)) {
			description.append(", with whitespace");
		}
		if (value.chars().anyMatch((c) -> Character.isDigit(c) && (c < '0' || c > '9'))) {
			description.append(", with a non-ASCII digit");
		}
		if (value.chars().anyMatch(Character::isLetter)) {
			description.append(", with a letter");
		}
		return description.toString();
	}

}

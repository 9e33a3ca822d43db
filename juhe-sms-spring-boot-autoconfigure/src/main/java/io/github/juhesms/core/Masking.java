package io.github.juhesms.core;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Masks phone numbers for logs, exception messages and events: {@code 13812341234} becomes
 * {@code 138****1234}.
 */
public final class Masking {

	// Seven or more digits in a row may be a phone number; shorter runs (codes, ids, counts) stay readable.
	private static final Pattern DIGIT_RUN = Pattern.compile("\\d{7,}");

	private Masking() {
	}

	/**
	 * Mask one mobile number, keeping the first three and the last four characters.
	 * @param mobile the number
	 * @return the masked number; short values are masked whole
	 */
	public static String mobile(@Nullable String mobile) {
		if (mobile == null) {
			return "null";
		}
		int length = mobile.length();
		if (length >= 8) {
			return mobile.substring(0, 3) + "****" + mobile.substring(length - 4);
		}
		return "*".repeat(length);
	}

	/**
	 * Mask a list of mobile numbers for a log line, joined by commas.
	 * @param mobiles the numbers
	 * @return the masked numbers, e.g. {@code 138****1234,139****5678}
	 */
	public static String mobiles(Collection<String> mobiles) {
		if (mobiles.size() > 5) {
			return mobiles.stream().limit(3).map(Masking::mobile).collect(Collectors.joining(","))
					+ ",… (" + mobiles.size() + " numbers)";
		}
		return mobiles.stream().map(Masking::mobile).collect(Collectors.joining(","));
	}

	/**
	 * Mask every run of seven or more digits in a free text, such as a response excerpt.
	 * @param text the text
	 * @return the text with digit runs masked
	 */
	public static String digitRuns(String text) {
		Matcher matcher = DIGIT_RUN.matcher(text);
		if (!matcher.find()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text.length());
		do {
			matcher.appendReplacement(masked, mobile(matcher.group()));
		}
		while (matcher.find());
		matcher.appendTail(masked);
		return masked.toString();
	}

}

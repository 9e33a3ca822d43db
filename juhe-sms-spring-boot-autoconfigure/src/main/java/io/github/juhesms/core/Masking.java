package io.github.juhesms.core;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Masks phone numbers for logs, exception messages and events: {@code 13812341234}
 * becomes {@code 138****1234}.
 */
public final class Masking {

	// Seven or more digits in a row may be a phone number; shorter runs (codes, ids,
	// counts) stay readable.
	private static final Pattern DIGIT_RUN = Pattern.compile("\\d{7,}");

	private static final byte[] REDACTED = "****".getBytes(StandardCharsets.US_ASCII);

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
			return mobiles.stream().limit(3).map(Masking::mobile).collect(Collectors.joining(",")) + ",… ("
					+ mobiles.size() + " numbers)";
		}
		return mobiles.stream().map(Masking::mobile).collect(Collectors.joining(","));
	}

	/**
	 * Replace every occurrence of a secret in raw bytes, as UTF-8 and URL-encoded, by
	 * {@code ****}.
	 * @param bytes the bytes, such as an answer that may echo the request
	 * @param secret the secret, such as the key
	 * @return the bytes without the secret (the same array when it holds none)
	 */
	public static byte[] secret(byte[] bytes, String secret) {
		if (secret.isEmpty()) {
			return bytes;
		}
		byte[] result = replace(bytes, secret.getBytes(StandardCharsets.UTF_8));
		String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
		// A key of letters and digits encodes as itself: searched for once.
		return encoded.equals(secret) ? result : replace(result, encoded.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] replace(byte[] bytes, byte[] secret) {
		int at = indexOf(bytes, secret, 0);
		if (at < 0) {
			return bytes;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
		int from = 0;
		while (at >= 0) {
			out.write(bytes, from, at - from);
			out.writeBytes(REDACTED);
			from = at + secret.length;
			at = indexOf(bytes, secret, from);
		}
		out.write(bytes, from, bytes.length - from);
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, byte[] part, int from) {
		outer: for (int i = from; i <= bytes.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (bytes[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
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

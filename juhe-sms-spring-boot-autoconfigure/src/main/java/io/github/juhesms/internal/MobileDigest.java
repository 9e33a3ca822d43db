package io.github.juhesms.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Digests of phone numbers for store keys, so a store (Redis) need not hold phone
 * numbers.
 */
public final class MobileDigest {

	private MobileDigest() {
	}

	/**
	 * The first 128 bits of the number's SHA-256, in hex.
	 * @param mobile the number
	 * @return the digest
	 */
	public static String of(String mobile) {
		return HexFormat.of().formatHex(sha256(mobile), 0, 16);
	}

	/**
	 * SHA-256 of a text in UTF-8.
	 * @param text the text
	 * @return the hash
	 */
	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

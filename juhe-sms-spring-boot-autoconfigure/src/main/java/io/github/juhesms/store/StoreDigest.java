package io.github.juhesms.store;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * Keyed digests (HMAC-SHA256) that stand for phone numbers, idempotency keys, request
 * fingerprints and codes in every store, so that whoever reads a store (a Redis dump)
 * cannot recover them without the secret, not even by trying every mainland number.
 */
public final class StoreDigest {

	/** The fewest characters a configured secret may have. */
	public static final int MIN_SECRET_LENGTH = 32;

	private static final String ALGORITHM = "HmacSHA256";

	// Null for a random secret, made on first use like the Mac: start-up pays for
	// neither.
	private final byte @Nullable [] secret;

	private final SingletonSupplier<Mac> prototype;

	private StoreDigest(byte @Nullable [] secret) {
		this.secret = secret;
		this.prototype = SingletonSupplier.of(this::newMac);
	}

	/**
	 * Digests keyed by a secret shared by every instance that uses one store.
	 * @param secret the secret, at least {@value #MIN_SECRET_LENGTH} characters
	 * @return the digests
	 * @throws IllegalArgumentException if the secret is shorter
	 */
	public static StoreDigest of(String secret) {
		if (secret.length() < MIN_SECRET_LENGTH) {
			throw new IllegalArgumentException(
					"the secret must have at least " + MIN_SECRET_LENGTH + " characters (had " + secret.length() + ")");
		}
		return new StoreDigest(secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Digests keyed by a random secret of this process, for stores that live and die with
	 * it (in memory).
	 * @return the digests
	 */
	public static StoreDigest random() {
		return new StoreDigest(null);
	}

	/**
	 * A short digest to name a value in a store key: the first 128 bits, in hex.
	 * @param value the value, such as a phone number
	 * @return 32 hex characters
	 */
	public String name(String value) {
		return HexFormat.of().formatHex(mac(value), 0, 16);
	}

	/**
	 * A full digest to check a value against, such as a code.
	 * @param value the value
	 * @return 64 hex characters
	 */
	public String hash(String value) {
		return HexFormat.of().formatHex(mac(value));
	}

	private byte[] mac(String value) {
		try {
			// A clone is cheaper than a new instance and keeps the shared one unused.
			Mac mac = (Mac) this.prototype.obtain().clone();
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Mac newMac() {
		byte[] key = this.secret;
		if (key == null) {
			key = new byte[32];
			new SecureRandom().nextBytes(key);
		}
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(new SecretKeySpec(key, ALGORITHM));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ALGORITHM + " is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "StoreDigest[" + ALGORITHM + ", secret=****]";
	}

}

package io.github.juhesms.core;

/**
 * What a verification found. The application may log or count these apart; an end user
 * should get the same answer for every result but {@link #VERIFIED}, so that nobody
 * learns whether a number has a pending code.
 */
public enum VerificationResult {

	/** The code was right; it is now used up. */
	VERIFIED,

	/** The code was wrong; attempts remain. */
	WRONG_CODE,

	/** Too many wrong attempts: the code is void. */
	TOO_MANY_ATTEMPTS,

	/** The code's time to live has passed. */
	EXPIRED,

	/** The code was already used. */
	USED,

	/** No code was sent for this purpose and number (or it was forgotten). */
	NO_CODE;

	/**
	 * Whether the code was right.
	 * @return {@code true} only for {@link #VERIFIED}
	 */
	public boolean isVerified() {
		return this == VERIFIED;
	}

}

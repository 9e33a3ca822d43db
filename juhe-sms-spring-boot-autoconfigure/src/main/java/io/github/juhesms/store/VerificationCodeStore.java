package io.github.juhesms.store;

import java.time.Duration;
import java.time.Instant;

import io.github.juhesms.core.VerificationResult;
import org.jspecify.annotations.Nullable;

/**
 * Where sent codes and resend cool-downs are kept. Each method is atomic, so two
 * instances sharing a store verify a code once and enforce one cool-down.
 */
public interface VerificationCodeStore {

	/**
	 * Start a resend cool-down unless one is running.
	 * @param key the purpose and number
	 * @param cooldown how long no new code may be sent
	 * @return {@code null} if the cool-down started, else the time left of the running
	 * one
	 */
	@Nullable Duration startCooldown(String key, Duration cooldown);

	/**
	 * End a cool-down early, after a send that surely did not go out.
	 * @param key the purpose and number
	 */
	void clearCooldown(String key);

	/**
	 * Keep a code, replacing any earlier code of the key.
	 * @param key the purpose and number
	 * @param code the code's hash and validity
	 * @param retention how long the record is kept (longer than its validity, to tell
	 * expired and used codes from none)
	 */
	void save(String key, StoredCode code, Duration retention);

	/**
	 * Count one verification attempt and hand back what is needed to compare the code.
	 * @param key the purpose and number
	 * @param maxAttempts the most attempts allowed
	 * @param now the time of the attempt
	 * @return the attempt
	 */
	Attempt beginAttempt(String key, int maxAttempts, Instant now);

	/**
	 * Mark a code used if it is still the code with this salt and not yet used.
	 * @param key the purpose and number
	 * @param salt the salt of the code that matched
	 * @return {@code true} if this call used the code up
	 */
	boolean consume(String key, String salt);

	/**
	 * One counted attempt: either a final result, or a code to compare.
	 *
	 * @param result the result if no comparison is needed (no code, expired, used, too
	 * many attempts), else {@code null}
	 * @param code the code to compare against, when {@code result} is {@code null}
	 * @param lastAttempt whether this attempt used up the allowed attempts
	 */
	record Attempt(@Nullable VerificationResult result, @Nullable StoredCode code, boolean lastAttempt) {

		/**
		 * An attempt answered without comparing.
		 * @param result the result
		 * @return the attempt
		 */
		public static Attempt answered(VerificationResult result) {
			return new Attempt(result, null, false);
		}

	}

}

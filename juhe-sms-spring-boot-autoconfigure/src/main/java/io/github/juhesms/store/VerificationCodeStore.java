package io.github.juhesms.store;

import java.time.Duration;
import java.time.Instant;

import io.github.juhesms.core.VerificationResult;
import org.jspecify.annotations.Nullable;

/**
 * Where sent codes and resend cool-downs are kept. Each method is atomic, so two
 * instances sharing a store verify a code once and enforce one cool-down. The store keeps
 * the time: a store shared by several instances uses one clock for all of them (the Redis
 * store, the server's), so a code sent through one expires on time on another.
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
	 * Keep a new code, replacing any earlier code of the key.
	 * @param key the purpose and number
	 * @param salt the random salt of the code's hash
	 * @param hash the keyed hash of salt, purpose, number and code
	 * @param validity how long from now the code verifies
	 * @param retention how long the record is kept (longer than its validity, to tell
	 * expired and used codes from none)
	 * @return when the code expires, on the store's clock
	 */
	Instant save(String key, String salt, String hash, Duration validity, Duration retention);

	/**
	 * Count one verification attempt and hand back what is needed to compare the code.
	 * @param key the purpose and number
	 * @param maxAttempts the most attempts allowed
	 * @return the attempt
	 */
	Attempt beginAttempt(String key, int maxAttempts);

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

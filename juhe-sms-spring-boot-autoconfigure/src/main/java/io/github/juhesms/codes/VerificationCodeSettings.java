package io.github.juhesms.codes;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How codes are made, sent and checked.
 *
 * @param length digits of a code, 4-8 (the verification-code templates allow 4-8 digits)
 * @param ttl how long a code is valid
 * @param resendCooldown how long after a send no new code is sent to the same purpose and
 * number
 * @param maxAttempts verifications allowed per code; after that the code is void
 * @param codeVariable the template variable that receives the code
 * @param minutesVariable a template variable that receives the time to live in minutes,
 * if the template has one
 * @param variables further fixed variables of the template
 */
public record VerificationCodeSettings(int length, Duration ttl, Duration resendCooldown, int maxAttempts,
		String codeVariable, @Nullable String minutesVariable, Map<String, String> variables) {

	/**
	 * Create code settings: 4-8 digits, at least one verification per code and a named
	 * code variable.
	 * @param length digits of a code, 4-8
	 * @param ttl how long a code is valid
	 * @param resendCooldown how long after a send no new code is sent to the same purpose
	 * and number
	 * @param maxAttempts verifications allowed per code
	 * @param codeVariable the template variable that receives the code
	 * @param minutesVariable the template variable that receives the time to live in
	 * minutes, or {@code null}
	 * @param variables further fixed variables of the template
	 */
	public VerificationCodeSettings {
		Assert.isTrue(length >= 4 && length <= 8, "length must be 4-8 digits");
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.hasText(codeVariable, "codeVariable must not be empty");
		variables = Map.copyOf(variables);
	}

}

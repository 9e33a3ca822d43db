package io.github.juhesms.verificationcode;

import io.github.juhesms.core.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted a verification-code SMS.
 *
 * @param sid the message id ({@code sid})
 */
public record VerificationCodeSmsResult(String sid) implements SendReceipt {

	/**
	 * Always {@code null}: the verification-code answer reports no fee.
	 * @return {@code null}
	 */
	@Override
	public @Nullable Integer fee() {
		return null;
	}

}

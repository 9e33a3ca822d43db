package io.github.juhesms.codes;

import java.time.Instant;

/**
 * A code was sent. The code itself is not part of it: only the phone's owner should know
 * it.
 *
 * @param purpose the purpose the code unlocks
 * @param maskedMobile the number, masked
 * @param sid the message id Juhe assigned
 * @param expiresAt when the code stops being valid, on the store's clock (the Redis
 * server's with the Redis store)
 * @param nextSendAllowedAt when a new code may be sent for the same purpose and number,
 * on this instance's clock
 */
public record SentVerificationCode(String purpose, String maskedMobile, String sid, Instant expiresAt,
		Instant nextSendAllowedAt) {

}

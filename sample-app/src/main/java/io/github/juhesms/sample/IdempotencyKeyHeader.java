package io.github.juhesms.sample;

import io.github.juhesms.core.SendOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The optional {@code Idempotency-Key} request header of the send endpoints: a client
 * that repeats a send with the same key (after a timeout, say) gets the first send's
 * result instead of a second message.
 */
final class IdempotencyKeyHeader {

	static final String NAME = "Idempotency-Key";

	private IdempotencyKeyHeader() {
	}

	static SendOptions sendOptions(@Nullable String idempotencyKey) {
		if (idempotencyKey == null) {
			return SendOptions.NONE;
		}
		try {
			return SendOptions.idempotencyKey(idempotencyKey);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, NAME + ": " + ex.getMessage(), ex);
		}
	}

}

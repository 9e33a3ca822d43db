package io.github.juhesms.error;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.store.StoredSend;

/**
 * A send repeated an idempotency key that a different request (other numbers, template or
 * variables) used first. Answering it with the first send's result would silently lose
 * this message, so nothing is sent or replayed: give each message its own key.
 */
public class JuheSmsIdempotencyKeyReusedException extends JuheSmsException {

	/** When the first send with the key started. */
	private final Instant firstStartedAt;

	/**
	 * Create an exception for a key reused with a different request.
	 * @param operation the send operation
	 * @param first what the first send with the key left
	 */
	public JuheSmsIdempotencyKeyReusedException(JuheOperation operation, StoredSend first) {
		super(operation, JuheSmsErrorCategory.IDEMPOTENCY_KEY_REUSED,
				"not sent: the idempotency key was first used at " + first.startedAt().truncatedTo(ChronoUnit.SECONDS)
						+ " for a different request (recipients, template or variables); use a key per message",
				null);
		this.firstStartedAt = first.startedAt();
		refusedLocally();
	}

	/**
	 * When the first send with the key started.
	 * @return the start time
	 */
	public Instant getFirstStartedAt() {
		return this.firstStartedAt;
	}

}

package io.github.juhesms.error;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.store.StoredSend;

/**
 * A send with the same idempotency key was made before and its outcome is unknown (or it
 * is still in flight): the starter did not send again. Reconcile with Juhe before sending
 * with a new key.
 */
public class JuheSmsDuplicateSendException extends JuheSmsException {

	/** State of the first send: in flight or outcome unknown. */
	private final StoredSend.State state;

	/** When the first send started. */
	private final Instant firstStartedAt;

	/**
	 * Create an exception for a repeat of a send whose outcome is not known.
	 * @param operation the send operation
	 * @param first what the first send left
	 */
	public JuheSmsDuplicateSendException(JuheOperation operation, StoredSend first) {
		super(operation, JuheSmsErrorCategory.DUPLICATE,
				"not sent again: a send with this idempotency key started at "
						+ first.startedAt().truncatedTo(ChronoUnit.SECONDS) + " is "
						+ ((first.state() == StoredSend.State.IN_FLIGHT) ? "still in flight"
								: "of unknown outcome (" + first.failure() + ")"),
				null);
		this.state = first.state();
		this.firstStartedAt = first.startedAt();
		refusedLocally();
	}

	/**
	 * State of the first send.
	 * @return in flight or outcome unknown
	 */
	public StoredSend.State getState() {
		return this.state;
	}

	/**
	 * When the first send started.
	 * @return the start time
	 */
	public Instant getFirstStartedAt() {
		return this.firstStartedAt;
	}

	@Override
	public boolean isOutcomeUnknown() {
		return true;
	}

}

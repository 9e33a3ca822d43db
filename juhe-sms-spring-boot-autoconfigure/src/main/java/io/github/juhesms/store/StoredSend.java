package io.github.juhesms.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the first send with an idempotency key left in the store.
 *
 * @param state whether it is still in flight, succeeded or ended with an unknown outcome
 * @param startedAt when the first send started
 * @param result Juhe's {@code result} JSON of a successful first send, replayed through
 * the mapper
 * @param failure what went wrong, for an unknown outcome
 */
public record StoredSend(State state, Instant startedAt, @Nullable String result, @Nullable String failure) {

	/**
	 * A send still being made.
	 * @param startedAt when it started
	 * @return the stored send
	 */
	public static StoredSend inFlight(Instant startedAt) {
		return new StoredSend(State.IN_FLIGHT, startedAt, null, null);
	}

	/**
	 * The state of a first send.
	 */
	public enum State {

		/** Being made now (or its maker stopped before knowing the outcome). */
		IN_FLIGHT,

		/** Juhe accepted it. */
		SUCCEEDED,

		/** Its answer was lost: it may have been accepted. */
		OUTCOME_UNKNOWN

	}

}

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
 * @param fingerprint a digest of what the first send asked for (product, operation,
 * recipients, template, variables), so a repeat that asks for something else is told
 * apart; {@code null} when not known
 */
public record StoredSend(State state, Instant startedAt, @Nullable String result, @Nullable String failure,
		@Nullable String fingerprint) {

	/**
	 * A send still being made.
	 * @param startedAt when it started
	 * @param fingerprint the digest of what it asks for
	 * @return the stored send
	 */
	public static StoredSend inFlight(Instant startedAt, @Nullable String fingerprint) {
		return new StoredSend(State.IN_FLIGHT, startedAt, null, null, fingerprint);
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

package io.github.juhesms.store;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.guard.SendLimiter;

/**
 * What a {@link SendLimiter} decided for the numbers of one send: the numbers admitted,
 * with the permits they took, and the numbers refused.
 *
 * @param admitted the numbers that may be sent to
 * @param refused the numbers over a limit
 * @param permits the permits taken for the admitted numbers, given back if the send
 * surely did not go out
 */
public record SendAdmission(List<String> admitted, List<SendLimitRefusal> refused, List<Permit> permits) {

	/**
	 * Create the decision for the numbers of one send.
	 * @param admitted the numbers that may be sent to
	 * @param refused the numbers over a limit
	 * @param permits the permits taken for the admitted numbers
	 */
	public SendAdmission {
		admitted = List.copyOf(admitted);
		refused = List.copyOf(refused);
		permits = List.copyOf(permits);
	}

	/**
	 * An admission of every number, without permits.
	 * @param mobiles the numbers
	 * @return the admission
	 */
	public static SendAdmission unlimited(List<String> mobiles) {
		return new SendAdmission(mobiles, List.of(), List.of());
	}

	/**
	 * One permit taken from a store.
	 *
	 * @param key the store key (product, number and, if configured, template)
	 * @param id the permit's id within the key
	 * @param spent the units the send to the number took from spend caps
	 */
	public record Permit(String key, String id, List<Spent> spent) {

		/**
		 * Copies the units spent.
		 * @param key the store key
		 * @param id the permit's id within the key
		 * @param spent the units taken from spend caps
		 */
		public Permit {
			spent = List.copyOf(spent);
		}

		/**
		 * A permit that took no units from spend caps.
		 * @param key the store key
		 * @param id the permit's id within the key
		 */
		public Permit(String key, String id) {
			this(key, id, List.of());
		}

	}

	/**
	 * Units a send took from one spend cap, in one period.
	 *
	 * @param capKey the cap's store key ({@link SpendCap#key()})
	 * @param periodStart when the period the units were taken from started
	 * @param units the units taken
	 */
	public record Spent(String capKey, Instant periodStart, int units) {

	}

}

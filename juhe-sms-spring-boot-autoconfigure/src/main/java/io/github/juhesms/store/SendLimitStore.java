package io.github.juhesms.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the sends of each key (product and number) and the billed units of each spend cap
 * are counted. {@link #acquire} checks every rule of the number and every cap, and
 * records the send in one atomic step, so concurrent sends, from one instance or many,
 * cannot both take the last permit or the last units of a cap. The store keeps the time:
 * a store shared by several instances uses one clock for all of them (the Redis store,
 * the server's), so their clocks' differences do not move the windows or the caps'
 * periods.
 */
public interface SendLimitStore {

	/**
	 * Record a send now, on the store's clock, if the key is within every rule and every
	 * cap has room for its units; then the units are taken from every cap.
	 * @param key the key
	 * @param permitId an id for the send, used to give the permit back
	 * @param rules the rules, each at most {@code count} sends in any {@code window}
	 * @param charges the units the send takes from each spend cap, empty for none
	 * @return the outcome: a refusal by a rule or by a cap, or what each cap holds now
	 */
	Acquisition acquire(String key, String permitId, List<SendLimitRule> rules, List<SpendCapCharge> charges);

	/**
	 * Record a send to each key now, in order, as {@link #acquire} would one after
	 * another: each key within its rules takes its units from every cap. Stops after the
	 * first key a cap refuses, so the answer may be shorter than the keys; what the keys
	 * before it took is kept (the caller gives it back). A store shared by instances
	 * overrides this to make one round trip per chunk of keys; this default calls
	 * {@link #acquire} per key.
	 * @param keys the keys, one per number
	 * @param permitIds an id for each key's send, in the same order
	 * @param rules the rules of every key
	 * @param charges the units each key's send takes from each spend cap, empty for none
	 * @return one outcome per key checked, in order, ending at the first cap refusal
	 */
	default List<Acquisition> acquireAll(List<String> keys, List<String> permitIds, List<SendLimitRule> rules,
			List<SpendCapCharge> charges) {
		List<Acquisition> acquisitions = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			Acquisition acquisition = acquire(keys.get(i), permitIds.get(i), rules, charges);
			acquisitions.add(acquisition);
			if (acquisition.capRefusal() != null) {
				break;
			}
		}
		return acquisitions;
	}

	/**
	 * Record a send now if the key is within every rule, without spend caps.
	 * @param key the key
	 * @param permitId an id for the send, used to give the permit back
	 * @param rules the rules, each at most {@code count} sends in any {@code window}
	 * @return {@code null} if the send was recorded, else the rule that refuses it and
	 * when it allows the next send
	 */
	default @Nullable Refusal tryAcquire(String key, String permitId, List<SendLimitRule> rules) {
		return acquire(key, permitId, rules, List.of()).refusal();
	}

	/**
	 * Give back a recorded send and the units it took from spend caps, in the periods it
	 * took them from (a period that has ended since is left alone).
	 * @param key the key
	 * @param permitId the send's id
	 * @param spent the units the send took, empty for none
	 */
	void release(String key, String permitId, List<SendAdmission.Spent> spent);

	/**
	 * Give back the permits of several sends and the units they took, as
	 * {@link #release(String, String, List)} would one after another. A store shared by
	 * instances overrides this to make one round trip per chunk; this default calls
	 * {@code release} per permit.
	 * @param permits the permits to give back
	 */
	default void releaseAll(List<SendAdmission.Permit> permits) {
		for (SendAdmission.Permit permit : permits) {
			release(permit.key(), permit.id(), permit.spent());
		}
	}

	/**
	 * Give back a recorded send that took no units from spend caps.
	 * @param key the key
	 * @param permitId the send's id
	 */
	default void release(String key, String permitId) {
		release(key, permitId, List.of());
	}

	/**
	 * Why a send was refused.
	 *
	 * @param rule the rule that refuses it (the one that frees up last)
	 * @param retryAt when the next send is allowed, on the store's clock
	 */
	record Refusal(SendLimitRule rule, Instant retryAt) {

	}

	/**
	 * What {@link #acquire} decided. The number's rules are checked first: a send they
	 * refuse takes nothing from the caps.
	 *
	 * @param refusal the rule that refused the send, or {@code null}
	 * @param capRefusal the cap that refused it, or {@code null}
	 * @param balances for each charge, in order, what its cap holds now (after this send
	 * if it was admitted); empty when a rule refused the send
	 */
	record Acquisition(@Nullable Refusal refusal, @Nullable CapRefusal capRefusal, List<CapBalance> balances) {

		/**
		 * Copies the balances.
		 * @param refusal the rule that refused the send, or {@code null}
		 * @param capRefusal the cap that refused it, or {@code null}
		 * @param balances what each cap holds now
		 */
		public Acquisition {
			balances = List.copyOf(balances);
		}

		/**
		 * Whether the send was recorded and its units taken.
		 * @return {@code true} when neither a rule nor a cap refused it
		 */
		public boolean isAdmitted() {
			return this.refusal == null && this.capRefusal == null;
		}

	}

	/**
	 * A spend cap that had no room for a send's units; of several, the one that resets
	 * last.
	 *
	 * @param index the index of the refusing charge
	 * @param used the units the cap's period has used
	 * @param resetsAt when the period ends and the cap starts afresh, on the store's
	 * clock
	 */
	record CapRefusal(int index, long used, Instant resetsAt) {

	}

	/**
	 * What a cap's current period has used.
	 *
	 * @param periodStart when the period started, on the store's clock
	 * @param used the units used in the period
	 * @param resetsAt when the period ends
	 */
	record CapBalance(Instant periodStart, long used, Instant resetsAt) {

	}

}

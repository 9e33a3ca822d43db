package io.github.juhesms.store;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A send-limit store that can also claim the keys of an idempotency store, so a send with
 * an idempotency key claims it and takes its numbers' permits in one atomic step (the
 * Redis stores: one script call). The send guard uses it when
 * {@link #claimsFor(IdempotencyStore)} says the two stores keep their keys together, and
 * makes the two calls apart otherwise.
 */
public interface ClaimingSendLimitStore extends SendLimitStore {

	/**
	 * Whether this store can claim the keys of the given idempotency store, as that
	 * store's {@link IdempotencyStore#claim} would.
	 * @param idempotency the idempotency store
	 * @return {@code true} if {@link #claimAndAcquireAll} claims its keys
	 */
	boolean claimsFor(IdempotencyStore idempotency);

	/**
	 * Claim an idempotency key as {@link IdempotencyStore#claim} does and, only if the
	 * claim is won, acquire each key as {@link #acquireAll} does, in one atomic step for
	 * the first chunk of keys.
	 * @param idempotencyKey the idempotency key, already scoped by product
	 * @param claim the in-flight record to store if the key is free
	 * @param window how long the key is remembered
	 * @param keys the send-limit keys, one per number
	 * @param permitIds an id for each key's send
	 * @param rules the rules of every key
	 * @param charges the units each key's send takes from each spend cap
	 * @return what the key held (nothing acquired), or the acquisitions
	 */
	Claimed claimAndAcquireAll(String idempotencyKey, StoredSend claim, Duration window, List<String> keys,
			List<String> permitIds, List<SendLimitRule> rules, List<SpendCapCharge> charges);

	/**
	 * What {@link #claimAndAcquireAll} did.
	 *
	 * @param first what the key held when it was already claimed, else {@code null}
	 * @param acquisitions the outcome per key as {@link #acquireAll} answers it, empty
	 * when the key was already claimed
	 */
	record Claimed(@Nullable StoredSend first, List<Acquisition> acquisitions) {

		/**
		 * Copies the acquisitions.
		 * @param first what the key held, or {@code null}
		 * @param acquisitions the outcome per key
		 */
		public Claimed {
			acquisitions = List.copyOf(acquisitions);
		}

	}

}

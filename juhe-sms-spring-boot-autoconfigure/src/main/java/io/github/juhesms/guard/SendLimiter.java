package io.github.juhesms.guard;

import java.time.Duration;
import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException.Store;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.StoredSend;
import org.jspecify.annotations.Nullable;

/**
 * Limits sends per product, account and number (and template, if configured) before any
 * HTTP call, as the carriers and the vendor ask (SMS bombing), and the billed units of
 * each product and account by its spend caps. Permits and units of a send that surely did
 * not go out are given back.
 */
public interface SendLimiter {

	/** No limit at all. */
	SendLimiter UNLIMITED = new SendLimiter() {

		@Override
		public SendAdmission admit(JuheOperation operation, String account, List<String> mobiles,
				@Nullable String templateId, int billedUnits, @Nullable String areaCode) {
			return SendAdmission.unlimited(mobiles);
		}

		@Override
		public void release(SendAdmission admission) {
		}

	};

	/**
	 * Take a permit for each number that is within every rule, and its billed units from
	 * every spend cap of the send.
	 * @param operation the send operation
	 * @param account the name of the sending account
	 * @param mobiles the numbers
	 * @param templateId the template, if known
	 * @param billedUnits the units each number is billed, 1 or more
	 * @param areaCode the International area sent to, or {@code null}
	 * @return the admitted and refused numbers
	 * @throws JuheSmsSpendCapException if a cap has no room for a number's units; the
	 * units and permits the send took are given back, so a batch is refused whole
	 */
	SendAdmission admit(JuheOperation operation, String account, List<String> mobiles, @Nullable String templateId,
			int billedUnits, @Nullable String areaCode);

	/**
	 * Give back the permits and units of a send that surely did not go out.
	 * @param admission the admission whose permits to give back
	 */
	void release(SendAdmission admission);

	/**
	 * Claim a send's idempotency key and, if the send wins it, admit its numbers as
	 * {@link #admit} does. This default makes the two store calls one after the other; a
	 * limiter whose store also keeps the idempotency store's keys makes one (Redis: one
	 * round trip). If it throws, the send holds neither the key nor permits.
	 * @param keys the idempotency store
	 * @param key the idempotency key, already scoped by product and account
	 * @param claim the in-flight record to store if the key is free
	 * @param window how long the key is remembered
	 * @param send the send, whose numbers are admitted
	 * @return what the key held (nothing admitted), or the admission
	 * @throws JuheSmsSpendCapException if a cap has no room for a number's units
	 * @throws JuheSmsStoreUnavailableException if a store cannot be reached
	 */
	default KeyedAdmission claimAndAdmit(IdempotencyStore keys, String key, StoredSend claim, Duration window,
			GuardedSend send) {
		StoredSend first = JuheSmsStoreUnavailableException.requireStore(send.operation(), Store.IDEMPOTENCY_KEYS,
				() -> keys.claim(key, claim, window));
		if (first != null) {
			return new KeyedAdmission(first, null);
		}
		try {
			return new KeyedAdmission(null,
					JuheSmsStoreUnavailableException.requireStore(send.operation(), Store.SEND_LIMITS,
							() -> admit(send.operation(), send.account(), send.mobiles(), send.templateId(),
									send.billedUnits(), send.areaCode())));
		}
		catch (RuntimeException ex) {
			abandon(keys, key, ex);
			throw ex;
		}
	}

	// Forgets a claimed key after the send's admission failed, keeping the failure.
	private static void abandon(IdempotencyStore keys, String key, RuntimeException failure) {
		try {
			keys.abandon(key);
		}
		catch (RuntimeException ex) {
			failure.addSuppressed(ex);
		}
	}

	/**
	 * What {@link #claimAndAdmit} did.
	 *
	 * @param first what the key held when another send had claimed it (nothing was
	 * admitted), else {@code null}
	 * @param admission the admitted and refused numbers when this send won the key, else
	 * {@code null}
	 */
	record KeyedAdmission(@Nullable StoredSend first, @Nullable SendAdmission admission) {

	}

}

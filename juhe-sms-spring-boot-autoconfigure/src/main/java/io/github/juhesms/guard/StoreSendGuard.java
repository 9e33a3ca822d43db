package io.github.juhesms.guard;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsIdempotencyKeyReusedException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException.Store;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.StoredSend;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The send guard over the stores: a send is de-duplicated by its idempotency key and
 * limited per number and by the spend caps; its numbers go to the store together, and a
 * keyed send's claim goes with them when the limiter's store keeps the idempotency keys
 * too (the Redis stores: one round trip), a keyed Financial batch's included, whose
 * numbers over their limits are left out rather than refusing it. Permits and keys of a
 * send that surely did not go out are given back; a sent send, or one of unknown outcome,
 * keeps them.
 */
public final class StoreSendGuard implements SendGuard {

	private static final Log logger = LogFactory.getLog(StoreSendGuard.class);

	private static final long IN_FLIGHT_POLL_MILLIS = 25;

	private final SendLimiter limiter;

	private final @Nullable IdempotencySettings idempotency;

	private final Clock clock;

	/**
	 * Create a guard.
	 * @param limiter the per-number limits ({@link SendLimiter#UNLIMITED} for none)
	 * @param idempotency the de-duplication settings, or {@code null} to ignore keys
	 * @param clock the clock of the wait for a first send in flight
	 */
	public StoreSendGuard(SendLimiter limiter, @Nullable IdempotencySettings idempotency, Clock clock) {
		this.limiter = limiter;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@Override
	public SendAdmission admitEach(JuheOperation operation, String account, List<String> mobiles,
			@Nullable String templateId, int billedUnits) {
		// Refused as the single send's admission is: with nothing sent, never a raw store
		// failure.
		return JuheSmsStoreUnavailableException.requireStore(operation, Store.SEND_LIMITS,
				() -> this.limiter.admit(operation, account, mobiles, templateId, billedUnits, null));
	}

	@Override
	public Entry enter(GuardedSend send) {
		IdempotencySettings idempotency = this.idempotency;
		String key = (send.idempotencyKey() != null && idempotency != null)
				? scope(send) + idempotency.digest().name(send.idempotencyKey()) : null;
		// What the send asks for, keyed like the key: it names numbers and variables.
		String fingerprint = (key != null && send.fingerprint() != null) ? idempotency.digest().name(send.fingerprint())
				: null;
		if (key != null && send.admission() == null) {
			// Claim and admission together: one store call where the stores allow it.
			SendLimiter.KeyedAdmission claimed = claim(idempotency, send, key, fingerprint);
			StoredSend first = claimed.first();
			if (first != null) {
				return new Replay((first.result() != null) ? first.result() : "null");
			}
			SendAdmission admission = claimed.admission();
			if (refuses(send, admission)) {
				afterSend(() -> this.limiter.release(admission));
				afterSend(() -> idempotency.store().abandon(key));
				throw new JuheSmsSendLimitException(send.operation(), admission.refused());
			}
			return new Admitted(admission, key, send, fingerprint);
		}
		if (key != null) {
			StoredSend first;
			try {
				first = claim(idempotency, send, key, fingerprint).first();
			}
			catch (RuntimeException ex) {
				// Refused as a duplicate or a reused key: nothing is sent either.
				giveBack(send.admission());
				throw ex;
			}
			if (first != null) {
				// A repeat sends nothing: permits its client took are given back.
				giveBack(send.admission());
				// A first send whose answer carried no result replays as JSON null.
				return new Replay((first.result() != null) ? first.result() : "null");
			}
			return new Admitted(send.admission(), key, send, fingerprint);
		}
		SendAdmission admission = (send.admission() != null) ? send.admission()
				: JuheSmsStoreUnavailableException.requireStore(send.operation(), Store.SEND_LIMITS, () -> admit(send));
		return new Admitted(admission, null, send, null);
	}

	// The same key in two accounts is two sends; the default account's keys are as they
	// were before accounts existed.
	private static String scope(GuardedSend send) {
		String product = send.operation().product().id() + ":";
		return JuheSmsAccount.DEFAULT.equals(send.account()) ? product : product + send.account() + ":";
	}

	private SendAdmission admit(GuardedSend send) {
		SendAdmission admission = this.limiter.admit(send.operation(), send.account(), send.mobiles(),
				send.templateId(), send.billedUnits(), send.areaCode());
		if (refuses(send, admission)) {
			this.limiter.release(admission);
			throw new JuheSmsSendLimitException(send.operation(), admission.refused());
		}
		return admission;
	}

	// A number over its limits refuses the send; a send that admits each number (a
	// Financial batch) goes out to the others, and only none left refuses it.
	private static boolean refuses(GuardedSend send, SendAdmission admission) {
		return send.admitsEach() ? admission.admitted().isEmpty() : !admission.refused().isEmpty();
	}

	// Claims the key, with the admission of the send's numbers unless its client took
	// them; waits while a first send with the key is in flight; a succeeded one is
	// returned for replay.
	private SendLimiter.KeyedAdmission claim(IdempotencySettings settings, GuardedSend send, String key,
			@Nullable String fingerprint) {
		Instant deadline = send.startedAt().plus(settings.waitTimeout());
		StoredSend claim = StoredSend.inFlight(send.startedAt(), fingerprint);
		while (true) {
			SendLimiter.KeyedAdmission claimed = (send.admission() != null)
					? new SendLimiter.KeyedAdmission(JuheSmsStoreUnavailableException.requireStore(send.operation(),
							Store.IDEMPOTENCY_KEYS, () -> settings.store().claim(key, claim, settings.window())),
							send.admission())
					: this.limiter.claimAndAdmit(settings.store(), key, claim, settings.window(), send);
			StoredSend first = claimed.first();
			if (first != null && first.fingerprint() != null && !first.fingerprint().equals(fingerprint)) {
				throw new JuheSmsIdempotencyKeyReusedException(send.operation(), first);
			}
			if (first == null || first.state() == StoredSend.State.SUCCEEDED) {
				return claimed;
			}
			if (first.state() == StoredSend.State.OUTCOME_UNKNOWN || !this.clock.instant().isBefore(deadline)) {
				throw new JuheSmsDuplicateSendException(send.operation(), first);
			}
			try {
				Thread.sleep(IN_FLIGHT_POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JuheSmsDuplicateSendException(send.operation(), first);
			}
		}
	}

	private void giveBack(@Nullable SendAdmission taken) {
		if (taken != null) {
			afterSend(() -> this.limiter.release(taken));
		}
	}

	// A store that fails after the send must not hide the send's own outcome from the
	// caller.
	private static void afterSend(Runnable storeCall) {
		try {
			storeCall.run();
		}
		catch (RuntimeException ex) {
			logger.error("Could not record a send's outcome in the store of limits and idempotency keys; "
					+ "a repeat with the same idempotency key may not be recognised", ex);
		}
	}

	@Override
	public String toString() {
		return "StoreSendGuard[" + this.limiter + ", idempotency=" + (this.idempotency != null) + "]";
	}

	private record Replay(String replay) implements Entry {

		private static final SendAdmission NONE = new SendAdmission(List.of(), List.of(), List.of());

		@Override
		public SendAdmission admission() {
			return NONE;
		}

		@Override
		public void succeeded(Supplier<String> resultJson) {
			throw new IllegalStateException("a replayed send is not sent");
		}

		@Override
		public void failed(boolean outcomeUnknown, String failure) {
			throw new IllegalStateException("a replayed send is not sent");
		}

	}

	private final class Admitted implements Entry {

		private final SendAdmission admission;

		private final @Nullable String key;

		private final Instant startedAt;

		private final @Nullable String fingerprint;

		Admitted(SendAdmission admission, @Nullable String key, GuardedSend send, @Nullable String fingerprint) {
			this.admission = admission;
			this.key = key;
			this.startedAt = send.startedAt();
			this.fingerprint = fingerprint;
		}

		@Override
		public @Nullable String replay() {
			return null;
		}

		@Override
		public SendAdmission admission() {
			return this.admission;
		}

		@Override
		public void succeeded(Supplier<String> resultJson) {
			if (this.key != null) {
				afterSend(() -> complete(this.key, new StoredSend(StoredSend.State.SUCCEEDED, this.startedAt,
						resultJson.get(), null, this.fingerprint)));
			}
		}

		@Override
		public void failed(boolean outcomeUnknown, String failure) {
			if (outcomeUnknown) {
				if (this.key != null) {
					afterSend(() -> complete(this.key, new StoredSend(StoredSend.State.OUTCOME_UNKNOWN, this.startedAt,
							null, failure, this.fingerprint)));
				}
				return;
			}
			afterSend(() -> StoreSendGuard.this.limiter.release(this.admission));
			if (this.key != null) {
				afterSend(() -> StoreSendGuard.this.idempotency.store().abandon(this.key));
			}
		}

		private void complete(String key, StoredSend outcome) {
			IdempotencySettings settings = StoreSendGuard.this.idempotency;
			settings.store().complete(key, outcome, settings.window());
		}

	}

}

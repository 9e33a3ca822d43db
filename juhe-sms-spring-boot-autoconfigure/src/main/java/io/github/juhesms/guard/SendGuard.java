package io.github.juhesms.guard;

import java.util.List;
import java.util.function.Supplier;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.store.SendAdmission;
import org.jspecify.annotations.Nullable;

/**
 * Guards a send before its first attempt and gives back what it took once the outcome is
 * known: de-duplication by idempotency key, the per-number limits and the spend caps.
 */
public interface SendGuard {

	/**
	 * Take send permits for each number, for a product client that sends to the admitted
	 * numbers only (Financial batches without an idempotency key: a keyed one is let in
	 * {@link GuardedSend#admitsEach() admitting each number}, so that its key is claimed
	 * in the same store call); the send then carries the admission in
	 * {@link GuardedSend#admission()}.
	 * @param operation the send operation
	 * @param account the name of the sending account
	 * @param mobiles the numbers
	 * @param templateId the template, if known
	 * @param billedUnits the units each number is billed, taken from the spend caps
	 * @return the admitted and refused numbers
	 * @throws JuheSmsSpendCapException if a spend cap has no room for every admitted
	 * number's units: the batch is refused whole
	 */
	SendAdmission admitEach(JuheOperation operation, String account, List<String> mobiles, @Nullable String templateId,
			int billedUnits);

	/**
	 * Let a send in: a repeat of a succeeded send is to be replayed; numbers over their
	 * limit, a duplicate whose first send is in flight or of unknown outcome, and an
	 * unreachable store refuse it.
	 * @param send the send
	 * @return the entry of the send, to be told its outcome
	 * @throws JuheSmsSendLimitException if a number is over its limit; every number, for
	 * a send that {@link GuardedSend#admitsEach() admits each}
	 * @throws JuheSmsSpendCapException if a spend cap has no room for the send's units
	 * @throws JuheSmsDuplicateSendException if the key's first send is in flight or of
	 * unknown outcome
	 * @throws JuheSmsStoreUnavailableException if the store cannot be reached
	 */
	Entry enter(GuardedSend send);

	/**
	 * A send the guard let in, told its outcome exactly once. A store that fails then is
	 * logged, never thrown: it must not hide the send's own outcome.
	 */
	interface Entry {

		/**
		 * Juhe's {@code result} of a succeeded first send with the same key, to answer
		 * from instead of sending; the permits the send took are given back then.
		 * @return the result JSON, or {@code null} to send
		 */
		@Nullable String replay();

		/**
		 * What the guard admitted of the send's numbers: those to send to, with their
		 * permits, and those their limits left out, which only a send that
		 * {@link GuardedSend#admitsEach() admits each} number goes out without. A replay
		 * admits none: it takes no permits.
		 * @return the admission
		 */
		SendAdmission admission();

		/**
		 * Juhe accepted the send: permits and key are kept.
		 * @param resultJson Juhe's {@code result}, written out only if the guard keeps it
		 */
		void succeeded(Supplier<String> resultJson);

		/**
		 * The send failed. One whose outcome is unknown keeps its permits and is
		 * remembered under its key; one that surely did not go out gives both back.
		 * @param outcomeUnknown whether the send may have been accepted
		 * @param failure what went wrong, kept for a repeat with the same key
		 */
		void failed(boolean outcomeUnknown, String failure);

	}

}

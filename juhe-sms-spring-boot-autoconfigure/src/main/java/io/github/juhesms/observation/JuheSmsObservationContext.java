package io.github.juhesms.observation;

import java.util.Locale;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one logical Juhe call (all its attempts) knows. Holds no key and
 * no phone number.
 */
public class JuheSmsObservationContext extends Observation.Context {

	private final JuheOperation operation;

	private final String account;

	private final @Nullable String templateId;

	private @Nullable Outcome outcome;

	private @Nullable Integer errorCode;

	private int attempts;

	private @Nullable String sid;

	private @Nullable Integer fee;

	/**
	 * Create a context for a call.
	 * @param operation the operation called
	 * @param templateId the template id, when the call has one
	 */
	public JuheSmsObservationContext(JuheOperation operation, @Nullable String templateId) {
		this(operation, JuheSmsAccount.DEFAULT, templateId);
	}

	/**
	 * Create a context for a call of a named account.
	 * @param operation the operation called
	 * @param account the account's name
	 * @param templateId the template id, when the call has one
	 */
	public JuheSmsObservationContext(JuheOperation operation, String account, @Nullable String templateId) {
		this.operation = operation;
		this.account = account;
		this.templateId = templateId;
	}

	/**
	 * The account that called.
	 * @return the account's name, {@code default} for today's keys
	 */
	public String getAccount() {
		return this.account;
	}

	/**
	 * The operation called.
	 * @return the operation
	 */
	public JuheOperation getOperation() {
		return this.operation;
	}

	/**
	 * The template id of the call, if any.
	 * @return the template id or {@code null}
	 */
	public @Nullable String getTemplateId() {
		return this.templateId;
	}

	/**
	 * How the call ended.
	 * @return the outcome, or {@code null} while the call is in flight
	 */
	public @Nullable Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Juhe's error code of the last answer, {@code 0} on success, {@code null} when none
	 * arrived.
	 * @return the error code or {@code null}
	 */
	public @Nullable Integer getErrorCode() {
		return this.errorCode;
	}

	/**
	 * HTTP requests made, retries included.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * The message id Juhe returned for a send.
	 * @return the sid or {@code null}
	 */
	public @Nullable String getSid() {
		return this.sid;
	}

	/**
	 * Billed units Juhe reported for a send.
	 * @return the fee or {@code null}
	 */
	public @Nullable Integer getFee() {
		return this.fee;
	}

	/**
	 * Record a call Juhe accepted.
	 * @param attempts the HTTP requests made
	 * @param receipt the send's receipt, if the call was a send
	 */
	public void succeeded(int attempts, @Nullable SendReceipt receipt) {
		this.outcome = Outcome.SUCCESS;
		this.errorCode = 0;
		this.attempts = attempts;
		if (receipt != null) {
			this.sid = receipt.sid();
			this.fee = receipt.fee();
		}
	}

	/**
	 * Record a repeat answered from the idempotency store, without an HTTP request.
	 * @param receipt the first send's receipt
	 */
	public void replayed(@Nullable SendReceipt receipt) {
		succeeded(0, receipt);
		this.outcome = Outcome.DUPLICATE;
	}

	/**
	 * Record a call ended by an exception that is not Juhe's (a bug in a mapper or
	 * customizer): still an ended call, tagged like the others.
	 */
	public void failedUnexpectedly() {
		this.outcome = Outcome.ERROR;
	}

	/**
	 * Record a failed call.
	 * @param failure the failure
	 */
	public void failed(JuheSmsException failure) {
		this.outcome = Outcome.of(failure);
		this.errorCode = failure.getErrorCode();
		this.attempts = failure.getAttempts();
	}

	/**
	 * How a call ended, as the {@code outcome} tag reports it.
	 */
	public enum Outcome {

		/** Juhe answered error_code 0. */
		SUCCESS,

		/** Juhe stayed busy through every attempt. */
		BUSY,

		/** Juhe answered with another error code. */
		REJECTED,

		/** No usable answer, and Juhe surely did not act on the request. */
		ERROR,

		/** No usable answer to a send or creation: Juhe may have acted on it. */
		UNKNOWN,

		/**
		 * A repeat of a send with the same idempotency key, answered from the store
		 * without calling Juhe.
		 */
		DUPLICATE,

		/**
		 * The starter's per-number send limit or a spend cap refused the send before any
		 * request: abuse protection working, not Juhe failing.
		 */
		LIMITED,

		/**
		 * Refused before any request while a fail-fast cool-down runs after an answer
		 * such as a suspended key.
		 */
		FAILING_FAST;

		// Computed once: the tag is read on every call.
		private final String tagValue = name().toLowerCase(Locale.ROOT);

		static Outcome of(JuheSmsException failure) {
			if (failure instanceof JuheSmsDuplicateSendException) {
				return DUPLICATE;
			}
			if (failure instanceof JuheSmsSendLimitException || failure instanceof JuheSmsSpendCapException) {
				return LIMITED;
			}
			if (failure.isRefusedLocally() && failure instanceof JuheSmsApiException) {
				return FAILING_FAST;
			}
			if (failure.isOutcomeUnknown()) {
				return UNKNOWN;
			}
			if (failure instanceof JuheSmsBusyException) {
				return BUSY;
			}
			return (failure instanceof JuheSmsApiException) ? REJECTED : ERROR;
		}

		/**
		 * Whether the starter's own protection (limits, cool-downs, de-duplication) ended
		 * the call, which observations do not record as an error.
		 * @return {@code true} for a refusal by the starter's protection
		 */
		public boolean isProtection() {
			return this == DUPLICATE || this == LIMITED || this == FAILING_FAST;
		}

		/**
		 * The tag value.
		 * @return the lower-case name
		 */
		public String tagValue() {
			return this.tagValue;
		}

	}

}

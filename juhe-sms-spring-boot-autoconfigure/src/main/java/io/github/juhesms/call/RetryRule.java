package io.github.juhesms.call;

import java.util.Set;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsTransportException;

/**
 * The one place that decides whether a failed attempt is made again, from the facts the
 * failure carries. Safe to repeat: the product's configured busy codes; a connection that
 * never opened; and, for idempotent operations only, a lost answer (read timeout, reset)
 * or an unusable one that a repeat may fix (5xx, garbled body). Then the attempts and the
 * product's retry budget must allow it.
 */
final class RetryRule {

	private final Set<Integer> busyCodes;

	private final int maxAttempts;

	private final RetryBudget budget;

	RetryRule(Set<Integer> busyCodes, int maxAttempts, RetryBudget budget) {
		this.busyCodes = busyCodes;
		this.maxAttempts = maxAttempts;
		this.budget = budget;
	}

	/**
	 * Decide on a failed attempt; takes a retry token only for a retry that will happen.
	 * @param operation the operation called
	 * @param failure the attempt's failure
	 * @return the decision
	 */
	Decision decide(JuheOperation operation, Throwable failure) {
		if (failure instanceof JuheSmsException juhe && juhe.isRefusedLocally()) {
			return Decision.REFUSED_BY_STARTER;
		}
		if (!isSafeToRepeat(operation, failure)) {
			return Decision.NOT_SAFE;
		}
		if (((JuheSmsException) failure).getAttempts() >= this.maxAttempts) {
			return Decision.ATTEMPTS_USED;
		}
		return this.budget.tryAcquire() ? Decision.RETRY : Decision.BUDGET_EMPTY;
	}

	/**
	 * Whether Juhe surely did not act on the request, or acting twice is harmless.
	 * @param operation the operation called
	 * @param failure the attempt's failure
	 * @return {@code true} when repeating the request cannot duplicate a message
	 */
	boolean isSafeToRepeat(JuheOperation operation, Throwable failure) {
		if (failure instanceof JuheSmsApiException answer) {
			return this.busyCodes.contains(answer.getErrorCode());
		}
		if (failure instanceof JuheSmsTransportException lost) {
			return !lost.isConnectionOpened() || operation.isIdempotent();
		}
		if (failure instanceof JuheSmsInvalidResponseException unusable) {
			return operation.isIdempotent() && unusable.isTransientFailure();
		}
		return false;
	}

	/**
	 * What happens after a failed attempt.
	 */
	enum Decision {

		/** Made again after the backoff. */
		RETRY,

		/**
		 * Not made again: the starter refused the call itself (a fail-fast cool-down).
		 */
		REFUSED_BY_STARTER,

		/**
		 * Not made again: Juhe may have acted on the request, or a repeat cannot help.
		 */
		NOT_SAFE,

		/** Not made again: the configured attempts are used up. */
		ATTEMPTS_USED,

		/** Not made again: the product's retry budget is empty. */
		BUDGET_EMPTY

	}

}

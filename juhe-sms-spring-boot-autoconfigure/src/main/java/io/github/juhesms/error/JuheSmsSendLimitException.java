package io.github.juhesms.error;

import java.util.List;
import java.util.stream.Collectors;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.store.SendLimitRefusal;

/**
 * The starter's per-number send limit refused a send before any HTTP call. Says which
 * rule and when the next send to the number is allowed. Nothing was sent or billed.
 */
public class JuheSmsSendLimitException extends JuheSmsException {

	/** The refused numbers, with the rule that refused each. */
	private final List<SendLimitRefusal> refusals;

	/**
	 * Create an exception for refused numbers.
	 * @param operation the send operation
	 * @param refusals the refused numbers, with rule and next allowed time
	 */
	public JuheSmsSendLimitException(JuheOperation operation, List<SendLimitRefusal> refusals) {
		super(operation, JuheSmsErrorCategory.SEND_LIMIT, "not sent, over the send limit: "
				+ refusals.stream().map(SendLimitRefusal::toString).collect(Collectors.joining("; ")), null);
		this.refusals = List.copyOf(refusals);
		refusedLocally();
	}

	/**
	 * The refused numbers, with the rule that refused each and when it may be sent to
	 * again.
	 * @return the refusals
	 */
	public List<SendLimitRefusal> getRefusals() {
		return this.refusals;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}

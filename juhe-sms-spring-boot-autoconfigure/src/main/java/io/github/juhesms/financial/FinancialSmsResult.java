package io.github.juhesms.financial;

import java.util.List;

import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.store.SendLimitRefusal;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted a financial SMS.
 *
 * @param sid the message id ({@code sid})
 * @param fee billed messages ({@code fee})
 * @param limited the numbers the per-number send limits held back: not sent, each with
 * its rule and when it may be sent to again
 */
public record FinancialSmsResult(String sid, @Nullable Integer fee,
		List<SendLimitRefusal> limited) implements SendReceipt {

	/**
	 * A result with the numbers the send limits held back.
	 * @param sid the message id
	 * @param fee the billed messages
	 * @param limited the numbers held back by the send limits
	 */
	public FinancialSmsResult {
		limited = List.copyOf(limited);
	}

	/**
	 * A result with no number held back.
	 * @param sid the message id
	 * @param fee the billed messages
	 */
	public FinancialSmsResult(String sid, @Nullable Integer fee) {
		this(sid, fee, List.of());
	}

}

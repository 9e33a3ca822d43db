package io.github.juhesms.financial;

import io.github.juhesms.core.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted a financial SMS.
 *
 * @param sid the message id ({@code sid})
 * @param fee billed messages ({@code fee})
 */
public record FinancialSmsResult(String sid, @Nullable Integer fee) implements SendReceipt {

}

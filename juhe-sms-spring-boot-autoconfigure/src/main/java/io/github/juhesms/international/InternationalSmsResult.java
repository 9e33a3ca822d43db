package io.github.juhesms.international;

import io.github.juhesms.core.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted an international SMS.
 *
 * @param sid the message id ({@code sid})
 * @param fee billed units ({@code fee}), before the area's per-message fee is applied
 */
public record InternationalSmsResult(String sid, @Nullable Integer fee) implements SendReceipt {

}

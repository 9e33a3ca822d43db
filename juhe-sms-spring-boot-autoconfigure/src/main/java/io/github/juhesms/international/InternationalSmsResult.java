package io.github.juhesms.international;

import io.github.juhesms.core.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted an international SMS.
 *
 * @param sid the message id ({@code sid})
 * @param fee the billed units Juhe reports ({@code fee}); the document bills each message
 * times the area's per-message fee (see {@link AreaCode#fee()})
 */
public record InternationalSmsResult(String sid, @Nullable Integer fee) implements SendReceipt {

}

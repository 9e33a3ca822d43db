package io.github.juhesms.smsapi;

import io.github.juhesms.core.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted a message of the SMS API. Acceptance is billed; it does not promise
 * delivery.
 *
 * @param count messages sent ({@code count}), or {@code null} when Juhe leaves it out
 * @param fee billed messages ({@code fee}), or {@code null} when Juhe leaves it out
 * @param sid the message id ({@code sid})
 */
public record SmsApiResult(@Nullable Integer count, @Nullable Integer fee, String sid) implements SendReceipt {

}

package io.github.juhesms.event;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted a send ({@code error_code} 0): it is billed.
 *
 * @param product the product
 * @param account the name of the account that sent
 * @param operation the operation
 * @param maskedMobiles the masked recipients
 * @param templateId the template id, if any
 * @param attempts the HTTP requests made
 * @param startedAt when the send started
 * @param sid the message id Juhe assigned
 * @param fee the billed units Juhe reported, or {@code null} when the product reports
 * none
 */
public record JuheSmsSentEvent(JuheProduct product, String account, String operation, List<String> maskedMobiles,
		@Nullable String templateId, int attempts, Instant startedAt, String sid,
		@Nullable Integer fee) implements JuheSmsSendEvent {

}

package io.github.juhesms.event;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsErrorCategory;
import org.jspecify.annotations.Nullable;

/**
 * A send was surely not accepted: Juhe answered an error code (busy after every attempt
 * included), the connection never opened, or the starter refused it while failing fast.
 * Not billed.
 *
 * @param product the product
 * @param account the name of the account that sent
 * @param operation the operation
 * @param maskedMobiles the masked recipients
 * @param templateId the template id, if any
 * @param attempts the HTTP requests made (0 when refused while failing fast)
 * @param startedAt when the send started
 * @param category the category of the failure
 * @param errorCode Juhe's error code, or {@code null} when no answer arrived
 * @param reason Juhe's reason with digit runs masked (it may quote a refused number), or
 * a description of the failure
 */
public record JuheSmsRejectedEvent(JuheProduct product, String account, String operation, List<String> maskedMobiles,
		@Nullable String templateId, int attempts, Instant startedAt, JuheSmsErrorCategory category,
		@Nullable Integer errorCode, String reason) implements JuheSmsSendEvent {

}

package io.github.juhesms.event;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsErrorCategory;
import org.jspecify.annotations.Nullable;

/**
 * A send's request may have been accepted but no usable answer arrived: it may have been
 * delivered and billed. The starter did not resend it. Reconcile with Juhe (its console
 * or support) by product, template, masked mobile and time before sending again.
 *
 * @param product the product
 * @param account the name of the account that sent
 * @param operation the operation
 * @param maskedMobiles the masked recipients
 * @param templateId the template id, if any
 * @param attempts the HTTP requests made
 * @param startedAt when the send started
 * @param category the category of the failure ({@code TRANSPORT},
 * {@code INVALID_RESPONSE} or {@code SERVICE_ERROR})
 * @param errorCode Juhe's error code if one arrived (10014), else {@code null}
 * @param httpStatus the HTTP status if an answer arrived, else {@code null}
 * @param failure what went wrong
 */
public record JuheSmsOutcomeUnknownEvent(JuheProduct product, String account, String operation,
		List<String> maskedMobiles, @Nullable String templateId, int attempts, Instant startedAt,
		JuheSmsErrorCategory category, @Nullable Integer errorCode, @Nullable Integer httpStatus,
		String failure) implements JuheSmsSendEvent {

}

package io.github.juhesms.guard;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.store.SendAdmission;
import org.jspecify.annotations.Nullable;

/**
 * What the send guard needs to know of one send.
 *
 * @param operation the send operation
 * @param account the name of the account that sends
 * @param mobiles the recipients
 * @param templateId the template sent, if any
 * @param idempotencyKey the caller's key for de-duplicating the send, if any
 * @param admission permits the product client already took for the recipients, or
 * {@code null} to let the guard take them
 * @param startedAt when the send started
 * @param fingerprint a digest of what the send asks for, compared with the first send's
 * when the idempotency key is repeated; {@code null} without a key
 * @param billedUnits the units each recipient is billed, taken from the spend caps
 * @param areaCode the International area sent to, whose caps apply, or {@code null}
 * @param admitsEach whether numbers over their limits are left out of the send rather
 * than refusing it, which is then refused only when every number is (Financial batches):
 * the guard's {@link SendGuard.Entry#admission()} names the numbers to send to
 */
public record GuardedSend(JuheOperation operation, String account, List<String> mobiles, @Nullable String templateId,
		@Nullable String idempotencyKey, @Nullable SendAdmission admission, Instant startedAt,
		@Nullable String fingerprint, int billedUnits, @Nullable String areaCode, boolean admitsEach) {

}

package io.github.juhesms.event;

import java.time.Instant;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.store.SpendCapWindow;
import org.jspecify.annotations.Nullable;

/**
 * Published when a spend cap is reached, as an alert hook: a send left it no units, or it
 * refused a send. Published at most once per cap and period by each instance, however
 * many sends it refuses after (an SMS pumping attack would otherwise flood the
 * listeners). Holds no phone number and no key.
 *
 * @param product the product of the cap
 * @param account the account's name, {@code default} for today's keys
 * @param window the calendar period of the cap
 * @param areaCode the International area the cap is for, or {@code null} for all areas
 * @param limit the cap's billed units per period
 * @param used the units its period has used
 * @param resetsAt when the period ends and the cap starts afresh
 */
public record JuheSmsSpendCapReachedEvent(JuheProduct product, String account, SpendCapWindow window,
		@Nullable String areaCode, long limit, long used, Instant resetsAt) {

}

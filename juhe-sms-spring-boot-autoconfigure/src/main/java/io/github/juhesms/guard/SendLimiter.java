package io.github.juhesms.guard;

import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.store.SendAdmission;
import org.jspecify.annotations.Nullable;

/**
 * Limits sends per product, account and number (and template, if configured) before any
 * HTTP call, as the carriers and the vendor ask (SMS bombing), and the billed units of
 * each product and account by its spend caps. Permits and units of a send that surely did
 * not go out are given back.
 */
public interface SendLimiter {

	/** No limit at all. */
	SendLimiter UNLIMITED = new SendLimiter() {

		@Override
		public SendAdmission admit(JuheOperation operation, String account, List<String> mobiles,
				@Nullable String templateId, int billedUnits, @Nullable String areaCode) {
			return SendAdmission.unlimited(mobiles);
		}

		@Override
		public void release(SendAdmission admission) {
		}

	};

	/**
	 * Take a permit for each number that is within every rule, and its billed units from
	 * every spend cap of the send.
	 * @param operation the send operation
	 * @param account the name of the sending account
	 * @param mobiles the numbers
	 * @param templateId the template, if known
	 * @param billedUnits the units each number is billed, 1 or more
	 * @param areaCode the International area sent to, or {@code null}
	 * @return the admitted and refused numbers
	 * @throws JuheSmsSpendCapException if a cap has no room for a number's units; the
	 * units and permits the send took are given back, so a batch is refused whole
	 */
	SendAdmission admit(JuheOperation operation, String account, List<String> mobiles, @Nullable String templateId,
			int billedUnits, @Nullable String areaCode);

	/**
	 * Give back the permits and units of a send that surely did not go out.
	 * @param admission the admission whose permits to give back
	 */
	void release(SendAdmission admission);

}

package io.github.juhesms.guard;

import java.util.List;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.store.SendAdmission;
import org.jspecify.annotations.Nullable;

/**
 * Limits sends per product, account and number (and template, if configured) before any
 * HTTP call, as the carriers and the vendor ask (SMS bombing). Permits of a send that
 * surely did not go out are given back.
 */
public interface SendLimiter {

	/** No limit at all. */
	SendLimiter UNLIMITED = new SendLimiter() {

		@Override
		public SendAdmission admit(JuheProduct product, String account, List<String> mobiles,
				@Nullable String templateId) {
			return SendAdmission.unlimited(mobiles);
		}

		@Override
		public void release(SendAdmission admission) {
		}

	};

	/**
	 * Take a permit for each number that is within every rule.
	 * @param product the sending product
	 * @param account the name of the sending account
	 * @param mobiles the numbers
	 * @param templateId the template, if known
	 * @return the admitted and refused numbers
	 */
	SendAdmission admit(JuheProduct product, String account, List<String> mobiles, @Nullable String templateId);

	/**
	 * Give back the permits of a send that surely did not go out.
	 * @param admission the admission whose permits to give back
	 */
	void release(SendAdmission admission);

}

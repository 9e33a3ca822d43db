package io.github.juhesms.financial;

import java.util.List;

import io.github.juhesms.core.Masking;
import io.github.juhesms.error.JuheSmsException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One send of a carrier-aware send: a carrier's numbers (10,000 at most) with that
 * carrier's template, and either Juhe's receipt or the failure.
 *
 * @param carrier the carrier of the numbers
 * @param templateId the template used: the carrier's own, else the all-networks one
 * @param mobiles the numbers of this send
 * @param result Juhe's receipt, or {@code null} when the send failed
 * @param failure why the send failed, or {@code null} when it was accepted
 */
public record CarrierGroupSend(Carrier carrier, long templateId, List<String> mobiles,
		@Nullable FinancialSmsResult result, @Nullable JuheSmsException failure) {

	/**
	 * Create the record of one send, with exactly one of a receipt and a failure.
	 * @param carrier the carrier of the numbers
	 * @param templateId the template used
	 * @param mobiles the numbers of this send
	 * @param result Juhe's receipt, or {@code null} when the send failed
	 * @param failure why the send failed, or {@code null} when it was accepted
	 */
	public CarrierGroupSend {
		Assert.isTrue((result == null) != (failure == null), "Exactly one of result and failure must be given");
		mobiles = List.copyOf(mobiles);
	}

	/**
	 * Whether Juhe accepted this send.
	 * @return {@code true} when there is a result
	 */
	public boolean isSent() {
		return this.result != null;
	}

	/**
	 * Whether this send failed without a usable answer, so the numbers may have received
	 * the message and been billed: reconcile with Juhe before sending to them again.
	 * @return {@code true} when the outcome is unknown
	 */
	public boolean isOutcomeUnknown() {
		return this.failure != null && this.failure.isOutcomeUnknown();
	}

	@Override
	public String toString() {
		return "CarrierGroupSend[carrier=" + this.carrier + ", templateId=" + this.templateId + ", mobiles="
				+ Masking.mobiles(this.mobiles) + ", result=" + this.result + ", failure=" + this.failure + "]";
	}

}

package io.github.juhesms.financial;

import java.util.List;

import io.github.juhesms.core.Masking;

/**
 * What a campaign did. The chunks that went out are told to the listener as they complete
 * and counted here; only those that failed are kept, with their numbers, since those are
 * what the application acts on.
 *
 * @param campaignId the campaign's id, as its events carry it
 * @param numbersRead the numbers read, valid or not
 * @param numbersSent the numbers of accepted chunks that were sent (those over their
 * limit left out)
 * @param numbersLimited the numbers the per-number limits left out of accepted chunks
 * @param chunksSent the chunks Juhe accepted
 * @param failedChunks the chunks that failed, each with its numbers and failure; one
 * whose {@code failure().isOutcomeUnknown()} may have been delivered and was not sent
 * again
 * @param invalid the numbers refused before any request, each with its reason: not a
 * mainland mobile, or given again (sent once)
 * @param repeatsRemoved how many numbers were given again
 * @param unknownCarrier the numbers no carrier claimed, not sent
 * @param overMaximum the numbers past the campaign's maximum, not read further
 * @param notSent the numbers left unsent because the campaign was stopped or a grouping
 * call failed
 * @param stopped whether the campaign was stopped before its end
 */
public record FinancialCampaignReport(String campaignId, long numbersRead, long numbersSent, long numbersLimited,
		int chunksSent, List<CarrierGroupSend> failedChunks, List<InvalidNumber> invalid, long repeatsRemoved,
		List<String> unknownCarrier, long overMaximum, long notSent, boolean stopped) {

	/**
	 * A number refused before any request.
	 *
	 * @param mobile the number as given
	 * @param reason why it was refused
	 */
	public record InvalidNumber(String mobile, String reason) {

		@Override
		public String toString() {
			return "InvalidNumber[mobile=" + Masking.mobile(String.valueOf(this.mobile)) + ", reason=" + this.reason
					+ "]";
		}

	}

	@Override
	public String toString() {
		return "FinancialCampaignReport[campaignId=" + this.campaignId + ", numbersRead=" + this.numbersRead
				+ ", numbersSent=" + this.numbersSent + ", numbersLimited=" + this.numbersLimited + ", chunksSent="
				+ this.chunksSent + ", failedChunks=" + this.failedChunks.size() + ", invalid=" + this.invalid.size()
				+ ", repeatsRemoved=" + this.repeatsRemoved + ", unknownCarrier=" + this.unknownCarrier.size()
				+ ", overMaximum=" + this.overMaximum + ", notSent=" + this.notSent + ", stopped=" + this.stopped + "]";
	}

}

package io.github.juhesms.financial;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Published as each chunk of a {@link FinancialCampaign} completes: progress for an audit
 * log or a dashboard. It names no number.
 *
 * @param campaignId the campaign's id
 * @param chunk the chunk's number within the campaign, from 0
 * @param carrier the carrier of the chunk's numbers
 * @param templateId the template sent
 * @param numbers the numbers in the chunk
 * @param outcome what became of it
 * @param sid Juhe's id of the accepted send, or {@code null}
 * @param completedAt when it completed
 */
public record FinancialCampaignChunkEvent(String campaignId, int chunk, Carrier carrier, long templateId, int numbers,
		Outcome outcome, @Nullable String sid, Instant completedAt) {

	/**
	 * What became of a chunk.
	 */
	public enum Outcome {

		/** Juhe accepted it. */
		SENT,

		/** It failed and was surely not delivered. */
		FAILED,

		/** Its answer was lost: it may have been delivered, and was not sent again. */
		OUTCOME_UNKNOWN

	}

}

package io.github.juhesms.financial;

/**
 * How a Financial SMS campaign runs unless it says otherwise.
 *
 * @param concurrency the chunks sent at a time
 * @param maxNumbers the most numbers a campaign reads
 */
public record FinancialCampaignSettings(int concurrency, long maxNumbers) {

	/** Four chunks at a time, at most 1,000,000 numbers. */
	public static final FinancialCampaignSettings DEFAULTS = new FinancialCampaignSettings(4, 1_000_000);

}

package io.github.juhesms.financial;

import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.github.juhesms.core.SendOptions;

import org.springframework.util.Assert;

/**
 * A send of one message to any number of mainland numbers through the Financial product,
 * made by {@link FinancialSmsClient#campaign}: the numbers are read once, each checked (a
 * bad or repeated one is reported, not fatal), grouped by carrier ({@code mobileGroup},
 * 10,000 a call) and sent in chunks of up to 10,000 with the carrier's template, a
 * bounded number of chunks at a time. Each chunk is one ordinary send, with its template
 * check, limits, spend caps and idempotency key ({@code <key>:<carrier>:<chunk>}); one
 * whose outcome is unknown is reported and never sent again. Each chunk's result goes to
 * the listener and is published as a {@link FinancialCampaignChunkEvent} as it completes.
 * Immutable: each {@code with...} returns a new campaign.
 */
public final class FinancialCampaign {

	private final FinancialSmsClient client;

	private final Map<Carrier, Long> templateIds;

	private final Map<String, String> variables;

	private final SendOptions options;

	private final int concurrency;

	private final long maxNumbers;

	private final Consumer<CarrierGroupSend> listener;

	private final Consumer<Object> publisher;

	private final @Nullable MeterRegistry meterRegistry;

	FinancialCampaign(FinancialSmsClient client, Map<Carrier, Long> templateIds, Map<String, String> variables,
			SendOptions options, int concurrency, long maxNumbers, Consumer<CarrierGroupSend> listener,
			Consumer<Object> publisher, @Nullable MeterRegistry meterRegistry) {
		this.client = client;
		this.templateIds = Map.copyOf(templateIds);
		this.variables = Map.copyOf(variables);
		this.options = options;
		this.concurrency = concurrency;
		this.maxNumbers = maxNumbers;
		this.listener = listener;
		this.publisher = publisher;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * This campaign sending at most {@code concurrency} chunks at a time.
	 * @param concurrency the chunks in flight at most, 1 or more
	 * @return the campaign
	 */
	public FinancialCampaign withConcurrency(int concurrency) {
		Assert.isTrue(concurrency >= 1, "concurrency must be at least 1");
		return new FinancialCampaign(this.client, this.templateIds, this.variables, this.options, concurrency,
				this.maxNumbers, this.listener, this.publisher, this.meterRegistry);
	}

	/**
	 * This campaign reading at most {@code maxNumbers} numbers; the rest are counted in
	 * {@link FinancialCampaignReport#overMaximum()} and not sent.
	 * @param maxNumbers the most numbers read, 1 or more
	 * @return the campaign
	 */
	public FinancialCampaign withMaxNumbers(long maxNumbers) {
		Assert.isTrue(maxNumbers >= 1, "maxNumbers must be at least 1");
		return new FinancialCampaign(this.client, this.templateIds, this.variables, this.options, this.concurrency,
				maxNumbers, this.listener, this.publisher, this.meterRegistry);
	}

	/**
	 * This campaign with send options: an account, and an idempotency key that each chunk
	 * extends with its carrier and number, so that running the same campaign again sends
	 * none of its chunks twice.
	 * @param options the options
	 * @return the campaign
	 */
	public FinancialCampaign withOptions(SendOptions options) {
		Assert.notNull(options, "options must not be null");
		return new FinancialCampaign(this.client, this.templateIds, this.variables, options, this.concurrency,
				this.maxNumbers, this.listener, this.publisher, this.meterRegistry);
	}

	/**
	 * This campaign telling a listener each chunk's result as it completes, on the thread
	 * that sent it; a listener that throws is logged and does not stop the campaign.
	 * @param listener the listener
	 * @return the campaign
	 */
	public FinancialCampaign withListener(Consumer<CarrierGroupSend> listener) {
		Assert.notNull(listener, "listener must not be null");
		return new FinancialCampaign(this.client, this.templateIds, this.variables, this.options, this.concurrency,
				this.maxNumbers, listener, this.publisher, this.meterRegistry);
	}

	/**
	 * Start the campaign on its own thread. The numbers are read as the campaign goes, so
	 * a lazily made {@code Iterable} is never held in memory whole.
	 * @param mobiles the numbers
	 * @return the running campaign, to stop or wait for
	 */
	public FinancialCampaignRun start(Iterable<String> mobiles) {
		Assert.notNull(mobiles, "mobiles must not be null");
		FinancialCampaignRun run = new FinancialCampaignRun(this, mobiles);
		run.start();
		return run;
	}

	FinancialSmsClient client() {
		return this.client;
	}

	Map<Carrier, Long> templateIds() {
		return this.templateIds;
	}

	Map<String, String> variables() {
		return this.variables;
	}

	SendOptions options() {
		return this.options;
	}

	int concurrency() {
		return this.concurrency;
	}

	long maxNumbers() {
		return this.maxNumbers;
	}

	Consumer<CarrierGroupSend> listener() {
		return this.listener;
	}

	Consumer<Object> publisher() {
		return this.publisher;
	}

	@Nullable MeterRegistry meterRegistry() {
		return this.meterRegistry;
	}

	@Override
	public String toString() {
		return "FinancialCampaign[templates=" + this.templateIds + ", variables=" + this.variables.keySet()
				+ ", concurrency=" + this.concurrency + ", maxNumbers=" + this.maxNumbers + "]";
	}

}

package io.github.juhesms.call;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Counters beside the call observation, each by product and account: retries by operation
 * and the code that caused them, retries the budget refused, and billed units. Does
 * nothing without a {@link MeterRegistry}. Counters are looked up in the registry on each
 * use, so meters an application removes or filters are never updated behind its back.
 */
final class JuheSmsMetrics {

	/** Counter of retries. */
	public static final String RETRIES = "juhe.sms.client.retries";

	/** Counter of retries the account's retry budget refused. */
	public static final String RETRIES_DENIED = "juhe.sms.client.retries.denied";

	/** Counter of billed units ({@code fee}) Juhe reported for successful sends. */
	public static final String BILLED = "juhe.sms.client.billed";

	private final @Nullable MeterRegistry registry;

	/**
	 * Create the counters.
	 * @param registry the registry, or {@code null} to count nothing
	 */
	JuheSmsMetrics(@Nullable MeterRegistry registry) {
		this.registry = registry;
	}

	@Nullable MeterRegistry registry() {
		return this.registry;
	}

	void retried(JuheOperation operation, String account, Throwable cause) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			String code = retryCause(cause);
			Counter.builder(RETRIES)
				.description("Attempts of Juhe calls made again after a retryable failure")
				.tag("product", operation.product().id())
				.tag("account", account)
				.tag("operation", operation.name())
				.tag("error.code", code)
				.register(registry)
				.increment();
		}
	}

	void retryDenied(JuheProduct product, String account) {
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Counter.builder(RETRIES_DENIED)
				.description("Retries of Juhe calls the account's retry budget refused")
				.tag("product", product.id())
				.tag("account", account)
				.register(registry)
				.increment();
		}
	}

	void billed(JuheProduct product, String account, int fee) {
		MeterRegistry registry = this.registry;
		if (registry != null && fee > 0) {
			Counter.builder(BILLED)
				.description("Billed units (fee) Juhe reported for successful sends")
				.baseUnit("messages")
				.tag("product", product.id())
				.tag("account", account)
				.register(registry)
				.increment(fee);
		}
	}

	private static String retryCause(Throwable cause) {
		if (cause instanceof JuheSmsApiException api) {
			return api.getErrorCode().toString();
		}
		if (cause instanceof JuheSmsTransportException) {
			return "transport";
		}
		return (cause instanceof JuheSmsInvalidResponseException) ? "invalid-response" : "other";
	}

}

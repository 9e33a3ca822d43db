package io.github.juhesms.call;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * A budget of retries shared by all calls of one product, so that an outage of Juhe does
 * not multiply the traffic: first attempts are never held back, each retry takes a token,
 * and tokens come back one per refill interval up to the capacity.
 *
 * @param enabled whether retries are limited by the budget at all
 * @param capacity the most retries the budget holds (and holds at start)
 * @param refillInterval the time after which one more retry is allowed
 */
public record RetryBudgetSettings(boolean enabled, int capacity, Duration refillInterval) {

	/**
	 * The defaults of the builder and of the {@code juhe.sms.retry.budget.*} properties:
	 * 20 retries, one more every 100 ms.
	 */
	public static final RetryBudgetSettings DEFAULTS = new RetryBudgetSettings(true, 20, Duration.ofMillis(100));

	/**
	 * Create retry budget settings, with a capacity of at least 1 and a positive refill
	 * interval.
	 * @param enabled whether retries are limited by the budget at all
	 * @param capacity the most retries the budget holds (and holds at start)
	 * @param refillInterval the time after which one more retry is allowed
	 */
	public RetryBudgetSettings {
		Assert.isTrue(capacity >= 1, "capacity must be at least 1 (use max-attempts 1 to turn retries off)");
		Assert.isTrue(!refillInterval.isNegative() && !refillInterval.isZero(), "refillInterval must be positive");
	}

	/**
	 * No budget: every retryable failure is retried up to the attempts of the retry
	 * settings.
	 * @return unlimited settings
	 */
	public static RetryBudgetSettings unlimited() {
		return new RetryBudgetSettings(false, 1, Duration.ofSeconds(1));
	}

}

package io.github.juhesms.call;

import java.time.Duration;

import org.springframework.util.Assert;

/**
 * How often and how fast a retryable failure is tried again.
 *
 * @param maxAttempts the most HTTP requests per call, the first included
 * @param initialInterval the wait before the first retry
 * @param multiplier the factor applied to the wait after each retry
 * @param maxInterval the longest wait
 * @param jitter the random deviation added to or taken from each wait
 */
public record JuheRetrySettings(int maxAttempts, Duration initialInterval, double multiplier, Duration maxInterval,
		Duration jitter) {

	/**
	 * The defaults of the builder and of the {@code juhe.sms.retry.*} properties: 3
	 * attempts, 200 ms doubling up to 2 s, with up to 100 ms of jitter.
	 */
	public static final JuheRetrySettings DEFAULTS = new JuheRetrySettings(3, Duration.ofMillis(200), 2,
			Duration.ofSeconds(2), Duration.ofMillis(100));

	/**
	 * Create retry settings, with at least one attempt and a multiplier of at least 1.
	 * @param maxAttempts the most HTTP requests per call, the first included
	 * @param initialInterval the wait before the first retry
	 * @param multiplier the factor applied to the wait after each retry
	 * @param maxInterval the longest wait
	 * @param jitter the random deviation added to or taken from each wait
	 */
	public JuheRetrySettings {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(multiplier >= 1, "multiplier must be at least 1");
	}

}

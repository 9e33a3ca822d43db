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

	public JuheRetrySettings {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(multiplier >= 1, "multiplier must be at least 1");
	}

}

package io.github.juhesms.call;

import java.time.Clock;

import io.github.juhesms.guard.SendGuard;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * What every product's API shares, built once by the factory.
 *
 * @param transport the HTTP transport
 * @param retry the attempts and backoff
 * @param retryBudget the budget settings, one budget per product
 * @param failFast the answers that start a cool-down, one cool-down per product
 * @param observationRegistry the observation registry
 * @param convention the application's convention, or {@code null} for the default
 * @param metrics the retry and billing counters
 * @param events the send events
 * @param guard the de-duplication and limits around a send
 * @param clock the clock of cool-downs and event times
 */
record CallServices(JuheHttpTransport transport, JuheRetrySettings retry, RetryBudgetSettings retryBudget,
		FailFastSettings failFast, ObservationRegistry observationRegistry,
		@Nullable JuheSmsObservationConvention convention, JuheSmsMetrics metrics, SendEvents events, SendGuard guard,
		Clock clock) {

}

package io.github.juhesms.core;

import java.util.Collection;
import java.util.Set;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates the {@link JuheProductApi} of each product from the collaborators they share: the
 * transport, the retry settings, the observation registry and convention, and the metrics.
 */
public class JuheProductApiFactory {

	private final JuheHttpTransport transport;

	private final JuheRetrySettings retry;

	private final ObservationRegistry observationRegistry;

	private final @Nullable JuheSmsObservationConvention convention;

	private final JuheSmsMetrics metrics;

	/**
	 * Create a factory.
	 * @param transport the HTTP transport
	 * @param retry the retry settings
	 * @param observationRegistry the observation registry ({@link ObservationRegistry#NOOP} for none)
	 * @param convention a custom observation convention, or {@code null} for the default
	 * @param metrics the retry and billing counters
	 */
	public JuheProductApiFactory(JuheHttpTransport transport, JuheRetrySettings retry,
			ObservationRegistry observationRegistry, @Nullable JuheSmsObservationConvention convention,
			JuheSmsMetrics metrics) {
		this.transport = transport;
		this.retry = retry;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.metrics = metrics;
	}

	/**
	 * Create the API of one product.
	 * @param product the product
	 * @param key the product's key
	 * @param busyCodes the error codes that mean "busy, not accepted, retry later"
	 * @return the product API
	 */
	public JuheProductApi create(JuheProduct product, String key, Collection<Integer> busyCodes) {
		Assert.hasText(key, () -> "a key is required for " + product.id());
		return new JuheProductApi(product, key, Set.copyOf(busyCodes), this.transport, this.retry,
				this.observationRegistry, this.convention, this.metrics);
	}

}

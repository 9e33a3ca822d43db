package io.github.juhesms.call;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.guard.IdempotencySettings;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.guard.StoreSendGuard;
import io.github.juhesms.observation.DefaultJuheSmsObservationConvention;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.StringUtils;

/**
 * Creates the {@link JuheProductApi} of each product from what they share: the accounts,
 * the transport, the retry, budget and fail-fast settings, observations, metrics, the
 * event publisher and the executor of asynchronous sends. Closing it shuts down the
 * executor of the starter's own, if asynchronous sends used it, letting queued sends run.
 */
public final class JuheProductApiFactory implements AutoCloseable {

	/** The default maximum of one product's asynchronous sends in flight. */
	public static final int DEFAULT_MAX_IN_FLIGHT = 256;

	private final CallServices services;

	private final @Nullable JuheSmsAccounts accounts;

	private final AsyncExecutor asyncExecutor;

	private final int maxInFlight;

	private final Map<JuheProduct, Integer> productMaxInFlight;

	private final List<JuheProductApi> created = new CopyOnWriteArrayList<>();

	private JuheProductApiFactory(Builder builder) {
		this.services = new CallServices(builder.transport, builder.retry, builder.retryBudget, builder.failFast,
				builder.observationRegistry, builder.observationConvention, new JuheSmsMetrics(builder.meterRegistry),
				new SendEvents(builder.eventPublisher),
				new StoreSendGuard(builder.sendLimiter, builder.idempotency, builder.clock), builder.clock);
		this.accounts = builder.accounts;
		this.asyncExecutor = new AsyncExecutor(builder.asyncExecutor);
		this.maxInFlight = builder.maxInFlight;
		this.productMaxInFlight = new EnumMap<>(builder.productMaxInFlight);
	}

	/**
	 * Start building a factory.
	 * @param transport the HTTP transport
	 * @return a builder with the same retry, budget and fail-fast defaults as the
	 * {@code juhe.sms.*} properties; no limits, no de-duplication, no observations,
	 * metrics or events
	 */
	public static Builder builder(JuheHttpTransport transport) {
		return new Builder(transport);
	}

	/**
	 * The product APIs created so far, one per product client, for health checks.
	 * @return the APIs in the order they were created
	 */
	public List<JuheProductApi> createdApis() {
		return List.copyOf(this.created);
	}

	/**
	 * Create the API of one product with one account, the default one, of the given key.
	 * Each product gets its own retry budget and fail-fast state.
	 * @param product the product
	 * @param key the product's key
	 * @param busyCodes the error codes that mean "busy, not accepted, retry later"
	 * @return the product API
	 */
	public JuheProductApi create(JuheProduct product, @Nullable String key, Collection<Integer> busyCodes) {
		if (!StringUtils.hasText(key)) {
			throw new IllegalArgumentException("a key is required for " + product.id());
		}
		return create(product, JuheSmsAccounts.of(JuheSmsAccount.builder(JuheSmsAccount.DEFAULT).key(key).build()),
				busyCodes);
	}

	/**
	 * Create the API of one product over the factory's {@linkplain Builder#accounts
	 * accounts}. Each account of each product gets its own retry budget and fail-fast
	 * state.
	 * @param product the product
	 * @param busyCodes the error codes that mean "busy, not accepted, retry later", for
	 * accounts that set none of their own
	 * @return the product API
	 */
	public JuheProductApi create(JuheProduct product, Collection<Integer> busyCodes) {
		if (this.accounts == null) {
			throw new IllegalStateException("no accounts: set them with JuheProductApiFactory.Builder.accounts");
		}
		return create(product, this.accounts, busyCodes);
	}

	private JuheProductApi create(JuheProduct product, JuheSmsAccounts accounts, Collection<Integer> busyCodes) {
		ProductAccounts productAccounts = new ProductAccounts(product, accounts, Set.copyOf(busyCodes), this.services);
		AsyncSends async = new AsyncSends(this.asyncExecutor, this.services.observationRegistry(),
				this.productMaxInFlight.getOrDefault(product, this.maxInFlight));
		JuheProductApi api = new JuheProductApi(product, productAccounts, this.services, async, null);
		this.created.add(api);
		return api;
	}

	/**
	 * Shut down the executor of the starter's own, if asynchronous sends used it: queued
	 * sends still run, new ones are refused. An application's executor is left alone.
	 */
	@Override
	public void close() {
		this.asyncExecutor.close();
	}

	/**
	 * Builder of a {@link JuheProductApiFactory}.
	 */
	public static final class Builder {

		private final JuheHttpTransport transport;

		private JuheRetrySettings retry = JuheRetrySettings.DEFAULTS;

		private RetryBudgetSettings retryBudget = RetryBudgetSettings.DEFAULTS;

		private FailFastSettings failFast = FailFastSettings.DEFAULTS;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable JuheSmsObservationConvention observationConvention;

		private @Nullable MeterRegistry meterRegistry;

		private @Nullable ApplicationEventPublisher eventPublisher;

		private SendLimiter sendLimiter = SendLimiter.UNLIMITED;

		private @Nullable IdempotencySettings idempotency;

		private Clock clock = Clock.systemUTC();

		private @Nullable JuheSmsAccounts accounts;

		private Supplier<? extends @Nullable Executor> asyncExecutor = NoExecutor.INSTANCE;

		private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;

		private final Map<JuheProduct, Integer> productMaxInFlight = new EnumMap<>(JuheProduct.class);

		private Builder(JuheHttpTransport transport) {
			this.transport = transport;
		}

		/**
		 * Set the retry attempts and backoff.
		 * @param retry the retry settings
		 * @return this builder
		 */
		public Builder retry(JuheRetrySettings retry) {
			this.retry = retry;
			return this;
		}

		/**
		 * Set the retry budget of each product.
		 * @param retryBudget the budget settings
		 * @return this builder
		 */
		public Builder retryBudget(RetryBudgetSettings retryBudget) {
			this.retryBudget = retryBudget;
			return this;
		}

		/**
		 * Set the answers that start a cool-down.
		 * @param failFast the fail-fast settings
		 * @return this builder
		 */
		public Builder failFast(FailFastSettings failFast) {
			this.failFast = failFast;
			return this;
		}

		/**
		 * Set the observation registry and, optionally, a convention replacing the
		 * default.
		 * @param registry the registry
		 * @param convention the convention, or {@code null} for
		 * {@link DefaultJuheSmsObservationConvention}
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry registry, @Nullable JuheSmsObservationConvention convention) {
			this.observationRegistry = registry;
			this.observationConvention = convention;
			return this;
		}

		/**
		 * Set the registry of the retry, budget and billing counters.
		 * @param meterRegistry the registry, or {@code null} to count nothing
		 * @return this builder
		 */
		public Builder meterRegistry(@Nullable MeterRegistry meterRegistry) {
			this.meterRegistry = meterRegistry;
			return this;
		}

		/**
		 * Set where send events go.
		 * @param eventPublisher the publisher, or {@code null} to publish nothing
		 * @return this builder
		 */
		public Builder eventPublisher(@Nullable ApplicationEventPublisher eventPublisher) {
			this.eventPublisher = eventPublisher;
			return this;
		}

		/**
		 * Set the per-number limit of sends.
		 * @param sendLimiter the limiter ({@link SendLimiter#UNLIMITED} for none)
		 * @return this builder
		 */
		public Builder sendLimiter(SendLimiter sendLimiter) {
			this.sendLimiter = sendLimiter;
			return this;
		}

		/**
		 * Set the de-duplication of sends with an idempotency key.
		 * @param idempotency the settings, or {@code null} to ignore idempotency keys
		 * @return this builder
		 */
		public Builder idempotency(@Nullable IdempotencySettings idempotency) {
			this.idempotency = idempotency;
			return this;
		}

		/**
		 * Set the accounts that {@link #create(JuheProduct, Collection)} calls with.
		 * @param accounts the accounts
		 * @return this builder
		 */
		public Builder accounts(JuheSmsAccounts accounts) {
			this.accounts = accounts;
			return this;
		}

		/**
		 * Set the clock of cool-downs and event times.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Set the executor of asynchronous sends, asked for once, on the first one.
		 * @param asyncExecutor supplies the executor, or {@code null} for the starter's
		 * own pool of 16 daemon threads (the default)
		 * @return this builder
		 */
		public Builder asyncExecutor(Supplier<? extends @Nullable Executor> asyncExecutor) {
			this.asyncExecutor = asyncExecutor;
			return this;
		}

		/**
		 * Set the maximum of each product's asynchronous sends in flight (queued or
		 * running), over which one is refused at once.
		 * @param maxInFlight the maximum, at least 1 ({@value #DEFAULT_MAX_IN_FLIGHT}
		 * unless set)
		 * @return this builder
		 */
		public Builder maxInFlight(int maxInFlight) {
			this.maxInFlight = atLeastOne(maxInFlight);
			return this;
		}

		/**
		 * Set the maximum of one product's asynchronous sends in flight, instead of
		 * {@link #maxInFlight(int)}'s.
		 * @param product the product
		 * @param maxInFlight the maximum, at least 1
		 * @return this builder
		 */
		public Builder maxInFlight(JuheProduct product, int maxInFlight) {
			this.productMaxInFlight.put(product, atLeastOne(maxInFlight));
			return this;
		}

		private static int atLeastOne(int maxInFlight) {
			if (maxInFlight < 1) {
				throw new IllegalArgumentException("maxInFlight must be at least 1, not " + maxInFlight);
			}
			return maxInFlight;
		}

		/**
		 * Build the factory.
		 * @return the factory
		 */
		public JuheProductApiFactory build() {
			return new JuheProductApiFactory(this);
		}

	}

	/**
	 * No executor of the application's: the starter's own is used.
	 */
	private static final class NoExecutor implements Supplier<@Nullable Executor> {

		static final NoExecutor INSTANCE = new NoExecutor();

		@Override
		public @Nullable Executor get() {
			return null;
		}

	}

}

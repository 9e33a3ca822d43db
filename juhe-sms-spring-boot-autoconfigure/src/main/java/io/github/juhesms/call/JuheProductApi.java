package io.github.juhesms.call;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.Masking;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.error.JuheErrorCatalog;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.guard.IdempotencySettings;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.observation.DefaultJuheSmsObservationConvention;
import io.github.juhesms.observation.JuheSmsObservationContext;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.StoredSend;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Calls the endpoints of one Juhe product. Every product client goes through here: fail
 * fast while a cool-down runs, encode the form with the product's key, post it, parse the
 * envelope, classify a failure, retry what surely was not accepted (within the product's
 * retry budget), observe the whole call once, publish a send event and log one masked
 * line.
 */
public final class JuheProductApi {

	private static final Log logger = LogFactory.getLog(JuheProductApi.class);

	private static final JuheSmsObservationConvention DEFAULT_CONVENTION = new DefaultJuheSmsObservationConvention();

	private static final long IN_FLIGHT_POLL_MILLIS = 25;

	private final JuheProduct product;

	private final String key;

	private final Set<Integer> busyCodes;

	private final JuheHttpTransport transport;

	private final JuheRetrySettings retry;

	private final RetryBudgetSettings retryBudget;

	// Built on first use with the product's retry budget: the retry classes are not
	// needed for an application to start. A field rather than a lazy supplier, whose
	// lambda would be linked during every cold start-up.
	private volatile @Nullable RetryTemplate retryTemplate;

	private final FailFast failFast;

	private final ObservationRegistry observationRegistry;

	private final @Nullable JuheSmsObservationConvention convention;

	private final JuheSmsMetrics metrics;

	private final SendEvents events;

	private final SendLimiter limiter;

	private final @Nullable IdempotencySettings idempotency;

	private final Clock clock;

	JuheProductApi(JuheProduct product, String key, Set<Integer> busyCodes, JuheHttpTransport transport,
			JuheRetrySettings retry, RetryBudgetSettings retryBudget, FailFast failFast,
			ObservationRegistry observationRegistry, @Nullable JuheSmsObservationConvention convention,
			JuheSmsMetrics metrics, SendEvents events, SendLimiter limiter, @Nullable IdempotencySettings idempotency,
			Clock clock) {
		this.product = product;
		this.key = key;
		this.busyCodes = busyCodes;
		this.transport = transport;
		this.retry = retry;
		this.retryBudget = retryBudget;
		this.failFast = failFast;
		this.observationRegistry = observationRegistry;
		this.convention = convention;
		this.metrics = metrics;
		this.events = events;
		this.limiter = limiter;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	private RetryTemplate retryTemplate() {
		RetryTemplate template = this.retryTemplate;
		if (template == null) {
			synchronized (this) {
				template = this.retryTemplate;
				if (template == null) {
					template = new RetryTemplate(
							RetryPolicy.builder().backOff(budgeted()).predicate(this::shouldRetry).build());
					this.retryTemplate = template;
				}
			}
		}
		return template;
	}

	// Exponential backoff with jitter, where every retry also takes a token of the
	// product's budget: the token is taken only for a retry that will happen, never for
	// the attempt that ends the loop.
	private BackOff budgeted() {
		JuheRetrySettings retry = this.retry;
		RetryBudget budget = new RetryBudget(this.retryBudget);
		ExponentialBackOff exponential = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		exponential.setMaxInterval(retry.maxInterval().toMillis());
		exponential.setJitter(retry.jitter().toMillis());
		exponential.setMaxAttempts(retry.maxAttempts() - 1);
		return () -> {
			BackOffExecution execution = exponential.start();
			return () -> {
				long wait = execution.nextBackOff();
				if (wait != BackOffExecution.STOP && !budget.tryAcquire()) {
					this.metrics.retryDenied(this.product);
					return BackOffExecution.STOP;
				}
				return wait;
			};
		};
	}

	// Busy answers are retried only for the product's configured busy codes; other
	// failures when Juhe surely did not act on the request, or when repeating it is
	// harmless.
	private boolean shouldRetry(Throwable failure) {
		if (failure instanceof JuheSmsApiException api) {
			return this.busyCodes.contains(api.getErrorCode());
		}
		return failure instanceof JuheSmsException juhe && juhe.isRetryable();
	}

	/**
	 * The product this API calls.
	 * @return the product
	 */
	public JuheProduct getProduct() {
		return this.product;
	}

	/**
	 * Take send permits for each number, for a product client that sends to the admitted
	 * numbers only (financial batches); pass the admission on with
	 * {@link JuheCall#withAdmission}.
	 * @param mobiles the numbers
	 * @param templateId the template, if known
	 * @return the admitted and refused numbers
	 */
	public SendAdmission admitEach(List<String> mobiles, @Nullable String templateId) {
		return this.limiter.admit(this.product, mobiles, templateId);
	}

	/**
	 * Make a call and map Juhe's {@code result}.
	 * @param <T> the mapped result type
	 * @param call the call
	 * @param mapper maps the {@code result} of a successful answer
	 * @return the mapped result
	 * @throws JuheSmsException if the call failed
	 */
	public <T> T call(JuheCall call, Function<JuheResult, T> mapper) {
		JuheSmsObservationContext context = new JuheSmsObservationContext(call.operation(), call.templateId());
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		Attempts attempts = new Attempts();
		Instant startedAt = this.clock.instant();
		long started = System.nanoTime();
		try (Observation.Scope scope = observation.openScope()) {
			T result = (call.operation().kind() == JuheOperation.Kind.SEND) ? send(call, mapper, attempts, startedAt)
					: execute(call, mapper, attempts);
			SendReceipt receipt = (result instanceof SendReceipt sent) ? sent : null;
			if (attempts.replayed) {
				context.replayed(receipt);
				log(call, context, started);
				return result;
			}
			context.succeeded(attempts.count, receipt);
			if (receipt != null && receipt.fee() != null) {
				this.metrics.billed(this.product, receipt.fee());
			}
			log(call, context, started);
			this.events.sent(call, startedAt, attempts.count, receipt);
			return result;
		}
		catch (JuheSmsException ex) {
			ex.setAttempts(attempts.count);
			context.failed(ex);
			observation.error(ex);
			log(call, context, started);
			this.events.failed(call, startedAt, ex);
			throw ex;
		}
		catch (RuntimeException ex) {
			context.failedUnexpectedly();
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private void refuseWhileFailingFast(JuheOperation operation) {
		FailFast.Tripped tripped = this.failFast.current();
		if (tripped != null) {
			throw JuheErrorCatalog.exception(operation, tripped.code(),
					tripped.reason() + " (not sent: failing fast until " + tripped.until() + " after this answer)",
					this.busyCodes);
		}
	}

	// A send is de-duplicated by its idempotency key, then limited per number, then made.
	// Permits and keys of a send that surely did not go out are given back; a sent or
	// unknown send keeps them.
	private <T> T send(JuheCall call, Function<JuheResult, T> mapper, Attempts attempts, Instant startedAt) {
		String key = (call.idempotencyKey() != null && this.idempotency != null)
				? this.product.id() + ":" + call.idempotencyKey() : null;
		if (key != null) {
			StoredSend first = fromStore(call.operation(), () -> claim(call.operation(), key, startedAt));
			if (first != null) {
				// A repeat sends nothing: permits its client took are given back.
				if (call.admission() != null) {
					afterSend(() -> this.limiter.release(call.admission()));
				}
				attempts.replayed = true;
				return mapper.apply(JuheResponseParser.result(call.operation(), first.result()));
			}
		}
		SendAdmission admission = null;
		try {
			admission = (call.admission() != null) ? call.admission() : fromStore(call.operation(), () -> admit(call));
			T result = execute(call, mapper, attempts);
			if (key != null) {
				afterSend(() -> complete(key,
						new StoredSend(StoredSend.State.SUCCEEDED, startedAt, attempts.resultJson(), null)));
			}
			return result;
		}
		catch (JuheSmsException ex) {
			if (ex.isOutcomeUnknown()) {
				if (key != null) {
					afterSend(() -> complete(key,
							new StoredSend(StoredSend.State.OUTCOME_UNKNOWN, startedAt, null, ex.getMessage())));
				}
			}
			else {
				SendAdmission taken = admission;
				if (taken != null) {
					afterSend(() -> this.limiter.release(taken));
				}
				if (key != null) {
					afterSend(() -> this.idempotency.store().abandon(key));
				}
			}
			throw ex;
		}
	}

	// A store that fails before the send refuses it: no unlimited or unchecked sending.
	private <R> R fromStore(JuheOperation operation, Supplier<R> storeCall) {
		try {
			return storeCall.get();
		}
		catch (JuheSmsException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new JuheSmsStoreUnavailableException(operation, ex);
		}
	}

	// A store that fails after the send must not hide the send's own outcome from the
	// caller.
	private void afterSend(Runnable storeCall) {
		try {
			storeCall.run();
		}
		catch (RuntimeException ex) {
			logger.error("Could not record a send's outcome in the store of limits and idempotency keys; "
					+ "a repeat with the same idempotency key may not be recognised", ex);
		}
	}

	private SendAdmission admit(JuheCall call) {
		SendAdmission admission = this.limiter.admit(this.product, call.mobiles(), call.templateId());
		if (!admission.refused().isEmpty()) {
			this.limiter.release(admission);
			throw new JuheSmsSendLimitException(call.operation(), admission.refused());
		}
		return admission;
	}

	// Waits while a first send with the key is in flight; a succeeded one is returned for
	// replay.
	private @Nullable StoredSend claim(JuheOperation operation, String key, Instant startedAt) {
		IdempotencySettings settings = this.idempotency;
		Instant deadline = startedAt.plus(settings.waitTimeout());
		while (true) {
			StoredSend first = settings.store().claim(key, StoredSend.inFlight(startedAt), settings.window());
			if (first == null || first.state() == StoredSend.State.SUCCEEDED) {
				return first;
			}
			if (first.state() == StoredSend.State.OUTCOME_UNKNOWN || !this.clock.instant().isBefore(deadline)) {
				throw new JuheSmsDuplicateSendException(operation, first);
			}
			try {
				Thread.sleep(IN_FLIGHT_POLL_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new JuheSmsDuplicateSendException(operation, first);
			}
		}
	}

	private void complete(String key, StoredSend outcome) {
		this.idempotency.store().complete(key, outcome, this.idempotency.window());
	}

	private <T> T execute(JuheCall call, Function<JuheResult, T> mapper, Attempts attempts) {
		refuseWhileFailingFast(call.operation());
		try {
			return retryTemplate().execute(() -> attempt(call, mapper, attempts));
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (last instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(last);
		}
	}

	private <T> T attempt(JuheCall call, Function<JuheResult, T> mapper, Attempts attempts) {
		if (attempts.lastFailure != null) {
			this.metrics.retried(call.operation(), attempts.lastFailure);
		}
		attempts.count++;
		try {
			// The key is kept out of the answer too, in case it echoes the request.
			JuheHttpTransport.Response response = this.transport.post(call.operation(), call.form().encode(this.key),
					this.key);
			JuheEnvelope envelope = JuheResponseParser.parse(call.operation(), response.status(), response.body());
			if (!envelope.isSuccess()) {
				JuheSmsApiException failure = JuheErrorCatalog.exception(call.operation(), envelope.errorCode(),
						envelope.reason(), this.busyCodes);
				this.failFast.record(failure);
				throw failure;
			}
			attempts.result = envelope.result();
			return mapper.apply(envelope.result());
		}
		catch (JuheSmsException ex) {
			attempts.lastFailure = ex;
			throw ex;
		}
	}

	private void log(JuheCall call, JuheSmsObservationContext context, long started) {
		if (logger.isDebugEnabled()) {
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			StringBuilder line = new StringBuilder("Juhe ").append(call.operation());
			if (!call.mobiles().isEmpty()) {
				line.append(" mobile=").append(Masking.mobiles(call.mobiles()));
			}
			if (call.templateId() != null) {
				line.append(" template=").append(call.templateId());
			}
			line.append(" outcome=").append(context.getOutcome().tagValue());
			line.append(" code=").append((context.getErrorCode() != null) ? context.getErrorCode() : "none");
			line.append(" attempts=").append(context.getAttempts());
			line.append(" duration=").append(millis).append("ms");
			logger.debug(line);
		}
	}

	@Override
	public String toString() {
		return "JuheProductApi[" + this.product.id() + ", key=****]";
	}

	private static final class Attempts {

		private int count;

		private @Nullable JuheSmsException lastFailure;

		// Written out only for the idempotency store: most sends carry no key.
		private @Nullable JuheResult result;

		private boolean replayed;

		@Nullable String resultJson() {
			return (this.result != null) ? this.result.toJson() : null;
		}

	}

}

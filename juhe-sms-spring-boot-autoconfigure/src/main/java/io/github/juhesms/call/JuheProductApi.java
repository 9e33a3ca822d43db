package io.github.juhesms.call;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.error.JuheErrorCatalog;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.guard.SendGuard;
import io.github.juhesms.observation.DefaultJuheSmsObservationConvention;
import io.github.juhesms.observation.JuheSmsObservationContext;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.github.juhesms.store.SendAdmission;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Calls the endpoints of one Juhe product. Every product client goes through here: choose
 * the account (the client view's or the send options', else the resolver's, else the
 * default); observe the whole call once; for a send, pass the {@link SendGuard}
 * (de-duplication and limits); refuse while the account's fail-fast cool-down runs; then
 * attempt (encode the form with the account's key, post it, parse the envelope, classify
 * a failure) and retry what the {@link RetryRule} and the account's budget allow; publish
 * a send event and log one masked line.
 */
public final class JuheProductApi {

	private static final JuheSmsObservationConvention DEFAULT_CONVENTION = new DefaultJuheSmsObservationConvention();

	// What a replay and a call without limits went to: no number took a permit.
	private static final SendAdmission NOTHING_ADMITTED = new SendAdmission(List.of(), List.of(), List.of());

	private final JuheProduct product;

	private final ProductAccounts accounts;

	private final CallServices services;

	private final AsyncSends async;

	private final @Nullable String account;

	JuheProductApi(JuheProduct product, ProductAccounts accounts, CallServices services, AsyncSends async,
			@Nullable String account) {
		this.product = product;
		this.accounts = accounts;
		this.services = services;
		this.async = async;
		this.account = account;
	}

	/**
	 * This product's API for one account: every call uses the account, whatever the
	 * resolver says. The account is looked up on each call, so one removed since is
	 * refused.
	 * @param account the account's name
	 * @return the API of the account
	 */
	public JuheProductApi forAccount(String account) {
		Assert.notNull(account, "account must not be null");
		return new JuheProductApi(this.product, this.accounts, this.services, this.async, account);
	}

	/**
	 * The product this API calls.
	 * @return the product
	 */
	public JuheProduct getProduct() {
		return this.product;
	}

	/**
	 * The clock of this product's calls: cool-downs, event times and send windows.
	 * @return the clock the factory was built with
	 */
	public Clock clock() {
		return this.services.clock();
	}

	/**
	 * The fail-fast cool-down of the default account running now, for health checks:
	 * while it runs the account's calls are refused without a request.
	 * @return the cool-down, or {@code null} when calls go to Juhe
	 */
	public @Nullable CoolDown coolDown() {
		return coolDowns().get(JuheSmsAccount.DEFAULT);
	}

	/**
	 * The fail-fast cool-downs running now, for health checks.
	 * @return the cool-downs by account name, the default account first
	 */
	public Map<String, CoolDown> coolDowns() {
		return this.accounts.coolDowns();
	}

	/**
	 * Publish an event of a product client's own, such as a campaign's progress, as send
	 * events are published (a listener that throws is logged); nothing without a
	 * publisher.
	 * @param event the event
	 */
	public void publish(Object event) {
		this.services.events().other(event);
	}

	/**
	 * The registry the product's meters go to.
	 * @return the registry, or {@code null} for none
	 */
	public @Nullable MeterRegistry meterRegistry() {
		return this.services.metrics().registry();
	}

	/**
	 * The account a call with these options uses: this view's, else the options', else
	 * the resolver's, else the default. A client that checks a send against the account's
	 * templates chooses first and passes the choice on in the options, so the resolver is
	 * asked once.
	 * @param operation the operation to call
	 * @param options the call's options
	 * @return the account's name
	 * @throws JuheSmsInvalidRequestException for an unknown account or one without a key
	 * for the product
	 */
	public String chooseAccount(JuheOperation operation, SendOptions options) {
		return this.accounts.choose(operation, this.account, options.account()).account();
	}

	/**
	 * Take send permits for each recipient of a send, for a product client that sends to
	 * the admitted numbers only (financial batches), and their billed units from the
	 * spend caps; pass the admission on with {@link JuheCall#withAdmission}.
	 * {@link #sendEach} does both, and claims a keyed send's key with the permits.
	 * @param send the send, with its recipients, template and account
	 * @return the admitted and refused numbers
	 * @throws io.github.juhesms.error.JuheSmsSpendCapException if a spend cap has no room
	 * for every admitted number's units: the batch is refused whole
	 */
	public SendAdmission admitEach(JuheCall send) {
		AccountCalls calls = this.accounts.choose(send.operation(), this.account, send.account());
		return this.services.guard()
			.admitEach(send.operation(), calls.account(), send.mobiles(), send.templateText(), send.billedUnits());
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
		return call(call, null, (result, admission) -> mapper.apply(result));
	}

	/**
	 * Make a send to the recipients within their limits only, for a product client whose
	 * one message goes to many numbers (Financial batches): numbers over their limits are
	 * left out and passed to the mapper, the form is rebuilt for the others, and only a
	 * send whose every number is over its limits is refused. A send with an idempotency
	 * key claims it and takes its numbers' permits in the guard, in one store call where
	 * the stores keep both (the starter's Redis stores: one script call per 1,000
	 * numbers); a repeat of a succeeded send replays it, takes no permit and leaves no
	 * number out. A send without a key takes its permits before the call
	 * ({@link #admitEach}).
	 * @param <T> the mapped result type
	 * @param send the send to all its recipients
	 * @param admittedForm the send's form for some of its recipients, given in order
	 * @param mapper maps the {@code result} of a successful answer, with the numbers the
	 * send went to and those left out; a replay went to none of its numbers this time
	 * @return the mapped result
	 * @throws JuheSmsSendLimitException if every number is over its limits (nothing is
	 * sent)
	 * @throws io.github.juhesms.error.JuheSmsSpendCapException if a spend cap has no room
	 * for every admitted number's units: the batch is refused whole
	 * @throws JuheSmsException if the call failed
	 */
	public <T> T sendEach(JuheCall send, Function<List<String>, JuheForm> admittedForm,
			BiFunction<JuheResult, SendAdmission, T> mapper) {
		if (send.idempotencyKey() != null) {
			// The guard admits the numbers with the key's claim, which must come first:
			// a repeat takes nothing, and the send it replays may have used the permits.
			return call(send, admittedForm, mapper);
		}
		SendAdmission admission = admitEach(send);
		if (admission.admitted().isEmpty()) {
			throw new JuheSmsSendLimitException(send.operation(), admission.refused());
		}
		return call(narrowed(send, admission, admittedForm), null, mapper);
	}

	// A send narrowed to its admitted numbers, in a form of their own if some were left
	// out.
	private static JuheCall narrowed(JuheCall send, SendAdmission admission,
			Function<List<String>, JuheForm> admittedForm) {
		return send.withAdmission(admission,
				admission.refused().isEmpty() ? send.form() : admittedForm.apply(admission.admitted()));
	}

	// Makes a call; a send with an admitted form admits each number in the guard and goes
	// to those admitted.
	private <T> T call(JuheCall call, @Nullable Function<List<String>, JuheForm> admittedForm,
			BiFunction<JuheResult, SendAdmission, T> mapper) {
		CallServices services = this.services;
		AccountCalls account = this.accounts.choose(call.operation(), this.account, call.account());
		JuheSmsObservationContext context = new JuheSmsObservationContext(call.operation(), account.account(),
				call.templateText());
		Observation observation = Observation
			.createNotStarted(services.convention(), DEFAULT_CONVENTION, () -> context, services.observationRegistry())
			.start();
		Instant startedAt = services.clock().instant();
		long started = System.nanoTime();
		// The call as made: a send that admits each number goes to those admitted only,
		// and is logged and published so.
		JuheCall made = call;
		try (Observation.Scope scope = observation.openScope()) {
			Answer<T> answer;
			if (call.isSend()) {
				SendGuard.Entry entry = services.guard()
					.enter(call.guarded(account.account(), startedAt, admittedForm != null));
				made = admitted(call, entry, admittedForm);
				answer = send(account, made, entry, mapper);
			}
			else {
				answer = attempts(account, call, (result) -> mapper.apply(result, NOTHING_ADMITTED));
			}
			SendReceipt receipt = (answer.value() instanceof SendReceipt sent) ? sent : null;
			if (answer.attempts() == 0) {
				context.replayed(receipt);
			}
			else {
				context.succeeded(answer.attempts(), receipt);
				if (receipt != null && receipt.fee() != null) {
					services.metrics().billed(this.product, account.account(), receipt.fee());
				}
				services.events().sent(made, account.account(), startedAt, answer.attempts(), receipt);
			}
			CallLog.ended(made, context, started);
			return answer.value();
		}
		catch (JuheSmsException ex) {
			context.failed(ex);
			// Abuse protection working is not an error of the call's.
			if (!context.getOutcome().isProtection()) {
				observation.error(ex);
			}
			CallLog.ended(made, context, started);
			services.events().failed(made, account.account(), startedAt, ex);
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

	/**
	 * Run a send on the executor of asynchronous sends, for a product client's
	 * {@code sendAsync}: the client validates and checks the send and builds its call on
	 * the caller's thread, and passes here what is left, usually {@link #call}. At most
	 * the product's maximum of sends are queued or running at once (all accounts
	 * together); one over it is not queued. The send runs within the observation current
	 * on the caller's thread, so its {@code juhe.sms.client.requests} observation is a
	 * child of the caller's. Cancelling the future before the send starts skips it;
	 * cancelling it later only completes the future, as the send, which may have written
	 * its request, runs to its end; nothing is interrupted.
	 * @param <T> the send's result type
	 * @param operation the send operation, for the refusals
	 * @param send what is left of the send, run on the executor
	 * @return the send's result, or its exception; a future failed with
	 * {@link io.github.juhesms.error.JuheSmsInFlightLimitException} over the maximum in
	 * flight, or with {@link io.github.juhesms.error.JuheSmsLocalFailureException} if the
	 * executor does not take the send
	 */
	public <T> CompletableFuture<T> sendAsync(JuheOperation operation, Supplier<T> send) {
		return this.async.submit(operation, send);
	}

	// The send the guard let in, to its admitted numbers where it admitted each; a
	// replay is the send as asked for.
	private static JuheCall admitted(JuheCall call, SendGuard.Entry entry,
			@Nullable Function<List<String>, JuheForm> admittedForm) {
		if (admittedForm == null || entry.replay() != null) {
			return call;
		}
		try {
			return narrowed(call, entry.admission(), admittedForm);
		}
		catch (RuntimeException ex) {
			// Nothing went out: the key must not wait for an outcome that never comes.
			entry.failed(false, String.valueOf(ex.getMessage()));
			throw ex;
		}
	}

	private <T> Answer<T> send(AccountCalls account, JuheCall call, SendGuard.Entry entry,
			BiFunction<JuheResult, SendAdmission, T> mapper) {
		String replay = entry.replay();
		if (replay != null) {
			return new Answer<>(mapper.apply(JuheResponseParser.result(call.operation(), replay), NOTHING_ADMITTED),
					null, 0);
		}
		SendAdmission admission = (call.admission() != null) ? call.admission() : NOTHING_ADMITTED;
		try {
			Answer<T> answer = attempts(account, call, (result) -> mapper.apply(result, admission));
			entry.succeeded(answer::resultJson);
			return answer;
		}
		catch (JuheSmsException ex) {
			entry.failed(ex.isOutcomeUnknown(), ex.getMessage());
			throw ex;
		}
	}

	private <T> Answer<T> attempts(AccountCalls account, JuheCall call, Function<JuheResult, T> mapper) {
		CoolDown tripped = account.failFast().current();
		if (tripped != null) {
			throw JuheErrorCatalog.refusal(call.operation(), tripped.code(), tripped.reason() + " (not sent: failing "
					+ "fast until " + readable(tripped.until()) + " after this answer)", account.busyCodes());
		}
		int[] made = new int[1];
		return account.retries().run(call.operation(), () -> attempt(account, call, mapper, ++made[0]));
	}

	// Whole seconds, rounded up: a fraction's nine digits would read as a masked number.
	private static Instant readable(Instant until) {
		Instant seconds = until.truncatedTo(ChronoUnit.SECONDS);
		return seconds.equals(until) ? seconds : seconds.plusSeconds(1);
	}

	private <T> Answer<T> attempt(AccountCalls account, JuheCall call, Function<JuheResult, T> mapper, int number) {
		try {
			// The key is kept out of the answer too, in case it echoes the request.
			JuheHttpTransport.Response response = this.services.transport()
				.post(call.operation(), call.form().encode(account.key()), account.key());
			JuheEnvelope envelope = JuheResponseParser.parse(call.operation(), response.status(), response.body());
			if (!envelope.isSuccess()) {
				JuheSmsApiException failure = JuheErrorCatalog.exception(call.operation(), envelope.errorCode(),
						envelope.reason(), account.busyCodes());
				account.failFast().record(failure);
				throw failure;
			}
			return new Answer<>(mapper.apply(envelope.result()), envelope.result(), number);
		}
		catch (JuheSmsException ex) {
			ex.setAttempts(number);
			throw ex;
		}
	}

	@Override
	public String toString() {
		return "JuheProductApi[" + this.product.id() + ((this.account != null) ? ", account=" + this.account : "")
				+ ", key=****]";
	}

	/**
	 * The value of a call that ended well.
	 *
	 * @param value the mapped result
	 * @param result Juhe's {@code result}, or {@code null} for a replay
	 * @param attempts the HTTP requests made, 0 for a replay
	 */
	private record Answer<T>(T value, @Nullable JuheResult result, int attempts) {

		// Written out only for the idempotency store: most sends carry no key.
		String resultJson() {
			return (this.result != null) ? this.result.toJson() : "null";
		}

	}

}

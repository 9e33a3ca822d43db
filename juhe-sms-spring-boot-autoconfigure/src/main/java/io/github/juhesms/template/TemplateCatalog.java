package io.github.juhesms.template;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.MessageLength;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsLocalFailureException;
import io.github.juhesms.template.TemplateChecks.TemplateFields;

/**
 * One product's templates, fetched per account on first use and kept for the refresh
 * interval, against which each send is checked before any request: the template exists
 * and may be used, the variables are exactly those its text names, and each keeps the
 * rules the template states. A list that cannot be fetched again leaves the last one in
 * use; one never fetched lets sends out unchecked (a WARN and a counter each) unless the
 * product requires the list.
 */
public final class TemplateCatalog {

	private static final Log logger = LogFactory.getLog(TemplateCatalog.class);

	// A failed fetch is tried again after this, or the refresh interval if shorter,
	// rather than on every send.
	static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

	private final JuheProduct product;

	private final TemplateFields fields;

	private final TemplateSource source;

	private final TemplateCheckSettings settings;

	private final Clock clock;

	private final @Nullable MeterRegistry meterRegistry;

	// Whether the source lists only some of the templates, so that a send with another
	// one goes out unchecked rather than refused.
	private final boolean partial;

	private final ConcurrentMap<String, Listing> listings = new ConcurrentHashMap<>();

	TemplateCatalog(JuheProduct product, TemplateFields fields, TemplateSource source, boolean partial,
			TemplateCheckSettings settings, Clock clock, @Nullable MeterRegistry meterRegistry) {
		this.product = product;
		this.fields = fields;
		this.source = source;
		this.settings = settings;
		this.clock = clock;
		this.meterRegistry = meterRegistry;
		this.partial = partial;
	}

	/**
	 * Check a send's template and variables against the templates of the account it uses.
	 * The account is chosen here, and the options returned name it, so the application's
	 * resolver is asked once per send.
	 * @param api the product API the send goes through
	 * @param operation the send
	 * @param options the send's options
	 * @param templateId the template id
	 * @param variables the variables, names without {@code #}
	 * @return the options to send with, and the message unless the send goes out
	 * unchecked
	 * @throws JuheSmsInvalidRequestException if the template is unknown or unusable, the
	 * variables do not match it, or the message would be too long
	 * @throws JuheSmsLocalFailureException if the list could not be fetched and the
	 * product requires it
	 */
	public CheckedSend check(JuheProductApi api, JuheOperation operation, SendOptions options, long templateId,
			Map<String, String> variables) {
		if (!this.settings.enabled()) {
			return new CheckedSend(options, null);
		}
		String account = api.chooseAccount(operation, options);
		return new CheckedSend(options.withAccount(account), find(operation, account, templateId, variables, false));
	}

	/**
	 * The message a send would make, for an estimate: checked as a send is, whether sends
	 * are checked or not.
	 * @param operation the send
	 * @param account the account the send would use
	 * @param templateId the template id
	 * @param variables the variables, names without {@code #}
	 * @return the message
	 * @throws JuheSmsInvalidRequestException if the send would be refused
	 * @throws JuheSmsLocalFailureException if the template list could not be fetched
	 */
	public RenderedMessage render(JuheOperation operation, String account, long templateId,
			Map<String, String> variables) {
		RenderedMessage message = find(operation, account, templateId, variables, true);
		Assert.state(message != null, "an estimate has its message");
		return message;
	}

	// The checked message, or null when the list is missing and the send may go out
	// unchecked.
	@Nullable RenderedMessage find(JuheOperation operation, String account, long templateId, Map<String, String> variables,
			boolean estimating) {
		Listing listing = this.listings.computeIfAbsent(account, Listing::new);
		Instant now = this.clock.instant();
		Snapshot snapshot = listing.current(now);
		if (snapshot == null) {
			if (estimating) {
				throw unavailable(operation, listing, "estimate template " + templateId);
			}
			unchecked(operation, listing, templateId);
			return null;
		}
		KnownTemplate template = snapshot.templates().get(templateId);
		if (template == null && this.partial) {
			if (estimating) {
				throw new JuheSmsInvalidRequestException(operation, this.fields.templateId(),
						"the text of template " + templateId + " is not known: give it in juhe.sms." + this.product.id()
								+ ".templates." + templateId + ".text to estimate its sends");
			}
			return null;
		}
		if (template == null || !template.usable()) {
			// Perhaps approved since the list was fetched.
			snapshot = listing.refetched(now);
			template = snapshot.templates().get(templateId);
		}
		if (template == null) {
			throw new JuheSmsInvalidRequestException(operation, this.fields.templateId(),
					"template " + templateId + " is not among the " + this.product.id() + " templates of account '"
							+ account + "' (listed at " + snapshot.fetchedAt() + "); a new template is known once "
							+ "Juhe approved it and the list is fetched again (every " + this.settings.refreshInterval()
							+ ", or refreshTemplates()), or turn the check off with juhe.sms." + this.product.id()
							+ ".template-check.enabled=false");
		}
		if (!template.usable()) {
			throw new JuheSmsInvalidRequestException(operation, this.fields.templateId(), "template " + templateId
					+ " of account '" + account + "' cannot be used to send: " + template.state());
		}
		checkVariables(operation, template, variables);
		String text = template.render(variables);
		MessageLength length = MessageLength.of(text);
		if (this.fields.textMessages() && length.isTooLong()) {
			throw new JuheSmsInvalidRequestException(operation, this.fields.variables(),
					"would make a message of " + length.characters() + " characters with its signature (template "
							+ templateId + "), more than the " + MessageLength.MAX_CHARACTERS + " Juhe sends");
		}
		return new RenderedMessage(template, text, length);
	}

	/**
	 * Count a send whose fee Juhe reported differs from the estimate: the template's
	 * text, the billing rule or the area's fee is not what the starter took it for.
	 * @param send the checked send
	 * @param recipients the numbers it went to
	 * @param feePerMessage the fee of one message where it went, or {@code null} when
	 * unknown
	 * @param fee the fee Juhe reported, or {@code null} when it reported none
	 */
	public void reportedFee(CheckedSend send, int recipients, @Nullable Integer feePerMessage, @Nullable Integer fee) {
		RenderedMessage message = send.message();
		if (message == null || feePerMessage == null || fee == null || this.meterRegistry == null) {
			return;
		}
		long estimated = (long) message.length().billedUnits() * recipients * feePerMessage;
		if (estimated != fee) {
			String account = String.valueOf(send.options().account());
			logger.debug(this.product.id() + " template " + message.template().templateId() + " of account '" + account
					+ "' was billed " + fee + ", estimated " + estimated);
			Counter.builder(TemplateChecks.FEE_MISMATCHES)
				.description("Sends whose fee Juhe reported differs from the starter's estimate")
				.tag("product", this.product.id())
				.tag("account", account)
				.register(this.meterRegistry)
				.increment();
		}
	}

	/**
	 * Fetch the templates of the account a client's calls use now. On failure the list
	 * fetched before stays in use.
	 * @param api the product API of the client
	 * @param listOperation the template list operation
	 * @return the templates fetched
	 * @throws RuntimeException if they could not be fetched
	 */
	public List<KnownTemplate> refresh(JuheProductApi api, JuheOperation listOperation) {
		return refresh(api.chooseAccount(listOperation, SendOptions.NONE));
	}

	/**
	 * Forget a template that was deleted, so that sends with it are refused.
	 * @param api the product API of the client that deleted it
	 * @param deleteOperation the delete operation
	 * @param templateId the template's id
	 */
	public void forget(JuheProductApi api, JuheOperation deleteOperation, long templateId) {
		forget(api.chooseAccount(deleteOperation, SendOptions.NONE), templateId);
	}

	// One account's templates, fetched now.
	List<KnownTemplate> refresh(String account) {
		Listing listing = this.listings.computeIfAbsent(account, Listing::new);
		synchronized (listing) {
			listing.fetch(this.clock.instant(), true);
		}
		Snapshot snapshot = listing.snapshot;
		return (snapshot != null) ? List.copyOf(snapshot.templates().values()) : List.of();
	}

	void forget(String account, long templateId) {
		Listing listing = this.listings.get(account);
		if (listing != null) {
			listing.forget(templateId);
		}
	}

	private void checkVariables(JuheOperation operation, KnownTemplate template, Map<String, String> variables) {
		boolean exact = variables.size() == template.variableNames().size();
		for (String name : variables.keySet()) {
			exact = exact && template.variableNames().contains(name);
		}
		if (!exact) {
			List<String> missing = new ArrayList<>(template.variableNames());
			missing.removeAll(variables.keySet());
			List<String> unknown = new ArrayList<>(variables.keySet());
			unknown.removeAll(template.variableNames());
			throw new JuheSmsInvalidRequestException(operation, this.fields.variables(),
					"must be exactly the variables of template " + template.templateId() + " "
							+ template.variableNames() + (missing.isEmpty() ? "" : "; missing " + missing)
							+ (unknown.isEmpty() ? "" : "; not in the template " + unknown));
		}
		template.variableRules().forEach((name, rule) -> {
			String value = variables.get(name);
			if (value != null && !rule.allows(value)) {
				throw new JuheSmsInvalidRequestException(operation, this.fields.variables(),
						"variable '" + name + "' of template " + template.templateId() + " must be " + rule.describe()
								+ ", as the template's rules (des) say (had " + value.length() + " characters)");
			}
		});
	}

	private void unchecked(JuheOperation operation, Listing listing, long templateId) {
		RuntimeException failure = listing.failure;
		if (this.settings.requireList()) {
			throw unavailable(operation, listing, "check template " + templateId + ", and juhe.sms." + this.product.id()
					+ ".template-check.require-list is set");
		}
		logger.warn(this.product.id() + " " + operation.name() + " with template " + templateId + " of account '"
				+ listing.account + "' goes out unchecked: its template list could not be fetched"
				+ ((failure != null) ? " (" + failure.getMessage() + ")" : ""));
		if (this.meterRegistry != null) {
			Counter.builder(TemplateChecks.UNCHECKED)
				.description("Sends that went out without a template check, their template list missing")
				.tag("product", this.product.id())
				.tag("account", listing.account)
				.register(this.meterRegistry)
				.increment();
		}
	}

	private JuheSmsLocalFailureException unavailable(JuheOperation operation, Listing listing, String purpose) {
		RuntimeException failure = listing.failure;
		return new JuheSmsLocalFailureException(operation,
				"the template list of account '" + listing.account + "' could not be fetched to " + purpose,
				(failure != null) ? failure : new IllegalStateException("no template list"));
	}

	@Override
	public String toString() {
		return "TemplateCatalog[" + this.product.id() + ", " + this.settings + ", accounts=" + this.listings.size()
				+ "]";
	}

	/**
	 * A send that passed its template check.
	 *
	 * @param options the options to send with, naming the account checked against
	 * @param message the message it makes, or {@code null} when it goes out unchecked
	 */
	public record CheckedSend(SendOptions options, @Nullable RenderedMessage message) {

		/**
		 * The units each recipient of the send is billed, which its spend caps take.
		 * @param feePerMessage the fee of one message where it goes (1 but for
		 * International SMS)
		 * @return the messages its text is billed as, times the fee; the fee alone when
		 * the send is unchecked
		 */
		public int unitsPerRecipient(int feePerMessage) {
			return ((this.message != null) ? this.message.length().billedUnits() : 1) * feePerMessage;
		}

	}

	/**
	 * The message a send makes from a known template.
	 *
	 * @param template the template
	 * @param text the message as the handset shows it, signature included
	 * @param length the text's length and billed messages
	 */
	public record RenderedMessage(KnownTemplate template, String text, MessageLength length) {

	}

	/**
	 * The templates of one account when they were last fetched.
	 *
	 * @param templates the templates by id
	 * @param fetchedAt when they were fetched
	 */
	private record Snapshot(Map<Long, KnownTemplate> templates, Instant fetchedAt) {

	}

	/**
	 * One account's list: the last fetched, when to fetch again, and why the last fetch
	 * failed.
	 */
	private final class Listing {

		private final String account;

		private final AtomicBoolean fetching = new AtomicBoolean();

		private volatile @Nullable Snapshot snapshot;

		private volatile Instant nextFetch = Instant.MIN;

		private volatile Instant lastAttempt = Instant.MIN;

		private volatile @Nullable RuntimeException failure;

		Listing(String account) {
			this.account = account;
		}

		// The list to check against, fetched when it is due: by one thread while the
		// others use the previous list, or by the first sender when there is none.
		@Nullable Snapshot current(Instant now) {
			Snapshot current = this.snapshot;
			if (current != null && now.isBefore(this.nextFetch)) {
				return current;
			}
			if (current != null) {
				if (this.fetching.compareAndSet(false, true)) {
					try {
						fetch(now, false);
					}
					finally {
						this.fetching.set(false);
					}
				}
				return this.snapshot;
			}
			synchronized (this) {
				if (this.snapshot == null && !now.isBefore(this.nextFetch)) {
					fetch(now, false);
				}
				return this.snapshot;
			}
		}

		// The list after fetching it again for a template it lacked or could not use
		// (perhaps approved since), unless fetched within the recheck interval: unknown
		// ids cannot turn every send into a list call.
		Snapshot refetched(Instant now) {
			Snapshot current = this.snapshot;
			Duration recheckInterval = TemplateCatalog.this.settings.recheckInterval();
			if (now.isBefore(this.lastAttempt.plus(recheckInterval)) || !this.fetching.compareAndSet(false, true)) {
				return current;
			}
			try {
				fetch(now, false);
			}
			finally {
				this.fetching.set(false);
			}
			return this.snapshot;
		}

		void fetch(Instant now, boolean rethrow) {
			TemplateCatalog catalog = TemplateCatalog.this;
			this.lastAttempt = now;
			try {
				Map<Long, KnownTemplate> templates = new LinkedHashMap<>();
				for (KnownTemplate template : catalog.source.fetch(this.account)) {
					templates.put(template.templateId(), template);
				}
				this.snapshot = new Snapshot(Map.copyOf(templates), now);
				this.failure = null;
				this.nextFetch = now.plus(catalog.settings.refreshInterval());
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				Duration refreshInterval = catalog.settings.refreshInterval();
				this.nextFetch = now
					.plus((refreshInterval.compareTo(RETRY_AFTER_FAILURE) < 0) ? refreshInterval : RETRY_AFTER_FAILURE);
				Snapshot kept = this.snapshot;
				logger.warn("The " + catalog.product.id() + " template list of account '" + this.account
						+ "' could not be fetched; " + ((kept != null)
								? "the list of " + kept.fetchedAt() + " stays in use" : "its sends are not checked")
						+ " (" + ex.getMessage() + ")");
				if (rethrow) {
					throw ex;
				}
			}
		}

		void forget(long templateId) {
			Snapshot current = this.snapshot;
			if (current != null && current.templates().containsKey(templateId)) {
				Map<Long, KnownTemplate> templates = new LinkedHashMap<>(current.templates());
				templates.remove(templateId);
				this.snapshot = new Snapshot(Map.copyOf(templates), current.fetchedAt());
			}
		}

	}

}

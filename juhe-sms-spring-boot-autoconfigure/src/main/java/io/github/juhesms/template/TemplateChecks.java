package io.github.juhesms.template;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.github.juhesms.core.JuheProduct;

/**
 * Makes the {@link TemplateCatalog} of a product client: the product's check settings,
 * the clock the cached lists age by and the registry of the unchecked-send counter.
 */
public final class TemplateChecks {

	/** Counter of sends that went out unchecked because a template list was missing. */
	public static final String UNCHECKED = "juhe.sms.client.templates.unchecked";

	/** Counter of sends whose fee Juhe reported differs from the estimate. */
	public static final String FEE_MISMATCHES = "juhe.sms.client.fee.mismatches";

	private static final TemplateChecks OFF = new TemplateChecks(TemplateCheckSettings.OFF, Clock.systemUTC(), null);

	private final TemplateCheckSettings settings;

	private final Clock clock;

	private final @Nullable MeterRegistry meterRegistry;

	/**
	 * Create the checks of one product.
	 * @param settings how the product checks its sends
	 * @param clock the clock cached lists age by
	 * @param meterRegistry the registry of the unchecked-send counter, or {@code null}
	 */
	public TemplateChecks(TemplateCheckSettings settings, Clock clock, @Nullable MeterRegistry meterRegistry) {
		this.settings = settings;
		this.clock = clock;
		this.meterRegistry = meterRegistry;
	}

	/**
	 * Checks that check nothing, for a client made without them.
	 * @return the checks
	 */
	public static TemplateChecks off() {
		return OFF;
	}

	/**
	 * The catalog of one product client and its account views.
	 * @param product the product
	 * @param fields the names of the send's template id and variables parameters
	 * @param source fetches an account's templates
	 * @return the catalog
	 */
	public TemplateCatalog catalog(JuheProduct product, TemplateFields fields, TemplateSource source) {
		return new TemplateCatalog(product, fields, source, false, this.settings, this.clock, this.meterRegistry);
	}

	/**
	 * The catalog of a product without a template list, whose templates' texts the
	 * application gives: sends with those templates are checked, sends with others are
	 * not.
	 * @param product the product
	 * @param fields the names of the send's template id and variables parameters
	 * @param templates the templates whose text is known
	 * @return the catalog
	 */
	public TemplateCatalog configured(JuheProduct product, TemplateFields fields, List<KnownTemplate> templates) {
		List<KnownTemplate> known = List.copyOf(templates);
		return new TemplateCatalog(product, fields, (account) -> known, true,
				new TemplateCheckSettings(this.settings.enabled() && !known.isEmpty(), Duration.ofDays(365),
						Duration.ofDays(365), false),
				this.clock, this.meterRegistry);
	}

	/**
	 * The names a product's send gives its template id and variables, for refusals, and
	 * whether its messages are text messages, at most 500 characters.
	 *
	 * @param templateId the template id parameter, e.g. {@code tplId}
	 * @param variables the variables parameter, e.g. {@code tplValue}
	 * @param textMessages whether the messages are text, billed by length and refused
	 * past 500 characters (not so a video message)
	 */
	public record TemplateFields(String templateId, String variables, boolean textMessages) {

		/**
		 * The fields of a text message product.
		 * @param templateId the template id parameter
		 * @param variables the variables parameter
		 */
		public TemplateFields(String templateId, String variables) {
			this(templateId, variables, true);
		}

	}

}

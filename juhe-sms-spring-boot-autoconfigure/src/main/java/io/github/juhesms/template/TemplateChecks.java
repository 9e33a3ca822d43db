package io.github.juhesms.template;

import java.time.Clock;

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
		return new TemplateCatalog(product, fields, source, this.settings, this.clock, this.meterRegistry);
	}

	/**
	 * The names a product's send gives its template id and variables, for refusals.
	 *
	 * @param templateId the template id parameter, e.g. {@code tplId}
	 * @param variables the variables parameter, e.g. {@code tplValue}
	 */
	public record TemplateFields(String templateId, String variables) {

	}

}

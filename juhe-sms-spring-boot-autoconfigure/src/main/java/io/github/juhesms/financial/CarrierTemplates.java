package io.github.juhesms.financial;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Template ids by carrier: the all-networks template ({@link Carrier#ALL}) and, where the
 * template was also registered per carrier, each carrier's own.
 *
 * @param templateIds the template id of each carrier that has one
 */
public record CarrierTemplates(Map<Carrier, Long> templateIds) {

	/**
	 * Create the template ids by carrier, kept in the order ALL, Mobile, Unicom, Telecom.
	 * @param templateIds the template id of each carrier that has one
	 */
	public CarrierTemplates {
		Assert.noNullElements(templateIds.values(), "Template ids must not be null");
		// A copy in declaration order, so the ids read ALL, Mobile, Unicom, Telecom
		// wherever they are shown.
		EnumMap<Carrier, Long> copy = new EnumMap<>(Carrier.class);
		copy.putAll(templateIds);
		templateIds = Collections.unmodifiableMap(copy);
	}

	/**
	 * Templates with only an all-networks id.
	 * @param templateId the all-networks template id
	 * @return the templates
	 */
	public static CarrierTemplates allNetworks(long templateId) {
		return new CarrierTemplates(Map.of(Carrier.ALL, templateId));
	}

	/**
	 * These templates with a carrier's id added or replaced.
	 * @param carrier the carrier
	 * @param templateId its template id
	 * @return the new templates
	 */
	public CarrierTemplates with(Carrier carrier, long templateId) {
		EnumMap<Carrier, Long> ids = new EnumMap<>(Carrier.class);
		ids.putAll(this.templateIds);
		ids.put(carrier, templateId);
		return new CarrierTemplates(ids);
	}

	/**
	 * The template to send to a carrier's numbers: its own, else the all-networks one.
	 * @param carrier the carrier
	 * @return the template id, or {@code null} when neither exists
	 */
	public @Nullable Long forCarrier(Carrier carrier) {
		Long own = this.templateIds.get(carrier);
		return (own != null) ? own : this.templateIds.get(Carrier.ALL);
	}

	// The template each carrier's numbers are sent with, checked for every carrier before
	// any call.
	static Map<Carrier, Long> resolve(JuheOperation operation, @Nullable CarrierTemplates templates,
			List<Carrier> carriers) {
		if (templates == null) {
			throw new JuheSmsInvalidRequestException(operation, "tplId", "is required: the template of each carrier");
		}
		templates.templateIds().forEach((carrier, templateId) -> {
			if (templateId <= 0) {
				throw new JuheSmsInvalidRequestException(operation, "tplId",
						"template of " + carrier + " must be a positive id (was " + templateId + ")");
			}
		});
		Map<Carrier, Long> resolved = new EnumMap<>(Carrier.class);
		for (Carrier carrier : carriers) {
			Long templateId = templates.forCarrier(carrier);
			if (templateId == null) {
				throw new JuheSmsInvalidRequestException(operation, "tplId",
						"has no template for " + carrier + " and no all-networks (ALL) template to fall back on");
			}
			resolved.put(carrier, templateId);
		}
		return resolved;
	}

}

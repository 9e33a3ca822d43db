package io.github.juhesms.financial;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.juhesms.call.JuheResult;
import io.github.juhesms.core.Masking;
import io.github.juhesms.core.TemplateReviewState;

/**
 * Reads the Financial SMS answers into their records: a submitted template's carrier ids,
 * the carrier groups of {@code mobileGroup} and the template list.
 */
final class FinancialAnswers {

	private FinancialAnswers() {
	}

	static SubmittedFinancialTemplate submittedTemplate(JuheResult result) {
		result.asObject();
		long templateId = result.requiredLong("tplId");
		Map<Carrier, Long> templateIds = new EnumMap<>(Carrier.class);
		// The document shows tplBatchInfo as an array of single-letter objects:
		// [{"a":767},{"b":768},...].
		for (JuheResult entry : result.list("tplBatchInfo", JuheResult::asObject)) {
			for (String letter : entry.fieldNames()) {
				Carrier carrier = Carrier.ofTemplateBatchLetter(letter, entry.child(letter));
				if (templateIds.put(carrier, entry.requiredLong(letter)) != null) {
					throw entry.child(letter).invalid("carrier letter '" + letter + "' given twice");
				}
			}
		}
		templateIds.putIfAbsent(Carrier.ALL, templateId);
		return new SubmittedFinancialTemplate(result.requiredText("sendContent"), templateId,
				new CarrierTemplates(templateIds));
	}

	static MobileGroups mobileGroups(JuheResult result) {
		result.asObject();
		Map<Carrier, List<String>> groups = new EnumMap<>(Carrier.class);
		List<String> unknown = List.of();
		for (String name : result.fieldNames()) {
			JuheResult numbers = result.child(name);
			if (name.equals("unknown")) {
				unknown = numbers.list(JuheResult::asText);
			}
			else {
				groups.put(Carrier.ofMobileGroupLetter(name, numbers), numbers.list(JuheResult::asText));
			}
		}
		return new MobileGroups(groups.getOrDefault(Carrier.CHINA_MOBILE, List.of()),
				groups.getOrDefault(Carrier.CHINA_UNICOM, List.of()),
				groups.getOrDefault(Carrier.CHINA_TELECOM, List.of()), unknown);
	}

	// Before sending with per-carrier templates, the groups must hold exactly the numbers
	// asked for: a number never asked for must not be sent to, and one Juhe left out must
	// not be dropped silently.
	static MobileGroups reconciledGroups(JuheResult result, List<String> asked) {
		MobileGroups groups = mobileGroups(result);
		Set<String> askedSet = new HashSet<>(asked);
		Set<String> grouped = new HashSet<>();
		for (List<String> group : List.of(groups.chinaMobile(), groups.chinaUnicom(), groups.chinaTelecom(),
				groups.unknown())) {
			for (String mobile : group) {
				if (!askedSet.contains(mobile)) {
					throw result.invalid("grouped a number that was not asked for (" + Masking.mobile(mobile) + ")");
				}
				if (!grouped.add(mobile)) {
					throw result.invalid("placed a number in two groups (" + Masking.mobile(mobile) + ")");
				}
			}
		}
		if (grouped.size() == asked.size()) {
			return groups;
		}
		List<String> unknown = new ArrayList<>(groups.unknown());
		asked.stream().filter((mobile) -> !grouped.contains(mobile)).forEach(unknown::add);
		return new MobileGroups(groups.chinaMobile(), groups.chinaUnicom(), groups.chinaTelecom(), unknown);
	}

	static FinancialTemplate template(JuheResult entry) {
		return new FinancialTemplate(entry.requiredLong("tplId"), entry.requiredText("tpl"),
				entry.requiredText("tpl_signature"), TemplateReviewState.of(entry.requiredInt("tpl_state")),
				Carrier.ofTemplateOperation(entry.requiredInt("operation"), entry.child("operation")));
	}

}

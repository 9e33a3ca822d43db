package io.github.juhesms.financial;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.Masking;

/**
 * A financial SMS to send with one template to one or more mainland mobiles.
 *
 * @param mobiles the mainland numbers, 10,000 at most, each once ({@code mobile})
 * @param templateId an approved template's id ({@code tplId})
 * @param variables the template's variables, names without {@code #} ({@code tplValue})
 */
public record FinancialSmsRequest(List<String> mobiles, long templateId, Map<String, String> variables) {

	/**
	 * A request for a template without variables.
	 * @param mobiles the mainland numbers
	 * @param templateId the template id
	 * @return the request
	 */
	public static FinancialSmsRequest of(List<String> mobiles, long templateId) {
		return new FinancialSmsRequest(mobiles, templateId, Map.of());
	}

	@Override
	public String toString() {
		return "FinancialSmsRequest[mobiles=" + ((this.mobiles != null) ? Masking.mobiles(this.mobiles) : null)
				+ ", templateId=" + this.templateId + ", variables="
				+ ((this.variables != null) ? this.variables.keySet() : null) + "]";
	}

}

package io.github.juhesms.international;

import java.util.Map;

import io.github.juhesms.core.Masking;

/**
 * An international SMS to send.
 *
 * @param areaCode the international calling code without {@code +} or {@code 00}, e.g.
 * {@code 44} ({@code areaNum})
 * @param mobile the number without the calling code ({@code mobile})
 * @param templateId an approved template's id ({@code tplId})
 * @param variables the template's variables, names without {@code #} ({@code tplValue})
 */
public record InternationalSmsRequest(String areaCode, String mobile, long templateId, Map<String, String> variables) {

	/**
	 * A request for a template without variables.
	 * @param areaCode the international calling code
	 * @param mobile the number without the calling code
	 * @param templateId the template id
	 * @return the request
	 */
	public static InternationalSmsRequest of(String areaCode, String mobile, long templateId) {
		return new InternationalSmsRequest(areaCode, mobile, templateId, Map.of());
	}

	@Override
	public String toString() {
		return "InternationalSmsRequest[areaCode=" + this.areaCode + ", mobile=" + Masking.mobile(this.mobile)
				+ ", templateId=" + this.templateId + ", variables="
				+ ((this.variables != null) ? this.variables.keySet() : null) + "]";
	}

}

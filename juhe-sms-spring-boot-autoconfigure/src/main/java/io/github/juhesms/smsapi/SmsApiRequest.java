package io.github.juhesms.smsapi;

import java.util.Map;

import io.github.juhesms.core.Masking;
import org.jspecify.annotations.Nullable;

/**
 * A message to send through the SMS API.
 *
 * @param mobile the mainland mobile number, 11 digits ({@code mobile})
 * @param templateId an approved template's id ({@code tpl_id})
 * @param variables the template's variables, names without {@code #} ({@code vars} or
 * {@code tpl_value})
 * @param ext an extension code of at most 9 digits, or {@code null} for none
 * ({@code ext})
 */
public record SmsApiRequest(String mobile, long templateId, Map<String, String> variables, @Nullable String ext) {

	/**
	 * A request without an extension code.
	 * @param mobile the mainland mobile number
	 * @param templateId the template id
	 * @param variables the template's variables
	 * @return the request
	 */
	public static SmsApiRequest of(String mobile, long templateId, Map<String, String> variables) {
		return new SmsApiRequest(mobile, templateId, variables, null);
	}

	@Override
	public String toString() {
		return "SmsApiRequest[mobile=" + Masking.mobile(this.mobile) + ", templateId=" + this.templateId
				+ ", variables=" + ((this.variables != null) ? this.variables.keySet() : null) + ", ext=" + this.ext
				+ "]";
	}

}

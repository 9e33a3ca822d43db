package io.github.juhesms.test.fake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.Carrier;
import org.jspecify.annotations.Nullable;

/**
 * A message the fake server accepted for one number. A send to several numbers (Financial
 * SMS) records one message per number, all with the send's {@code sid}.
 *
 * @param account the account whose key the send carried: {@code default} for the server's
 * own keys, otherwise the name given to {@link FakeJuheServer.Builder#account(String)}
 * @param product the product that sent it
 * @param sid the send's id, as answered
 * @param areaCode the area code for International SMS ({@code areaNum}), otherwise
 * {@code null}
 * @param mobile the number, as sent ({@code mobile})
 * @param templateId the template used
 * @param variables the template variables, decoded, names without {@code #}
 * @param text the text as the handset shows it: {@code 【signature】content} with the
 * variables filled in
 * @param billedMessages the messages the text is billed as: up to 70 characters 1, longer
 * 1 per 67; pure English up to 140 1, longer 1 per 134; a video message is 1
 * @param fee the units charged for this number: the billed messages, times the area's fee
 * for International SMS
 * @param carrier the number's carrier for mainland products, by the fake's prefix table;
 * {@code null} for International SMS or an unknown range
 */
public record SentMessage(String account, JuheProduct product, String sid, @Nullable String areaCode, String mobile,
		long templateId, Map<String, String> variables, String text, int billedMessages, int fee,
		@Nullable Carrier carrier) {

	/**
	 * Create the record of a message the fake server accepted.
	 * @param account the account whose key the send carried
	 * @param product the product that sent it
	 * @param sid the send's id, as answered
	 * @param areaCode the area code for International SMS, otherwise {@code null}
	 * @param mobile the number, as sent
	 * @param templateId the template used
	 * @param variables the template variables, decoded
	 * @param text the text as the handset shows it
	 * @param billedMessages the messages the text is billed as
	 * @param fee the units charged for this number
	 * @param carrier the number's carrier, or {@code null} for International SMS or an
	 * unknown range
	 */
	public SentMessage {
		variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
	}

	/**
	 * The verification code sent, the value of the {@code code} variable.
	 * @return the code, or {@code null} when the message has no {@code code} variable
	 */
	public @Nullable String code() {
		return this.variables.get("code");
	}

	/**
	 * Whether the message went to a number.
	 * @param number the number, or for International SMS the area code followed by the
	 * number
	 * @return {@code true} when it is this message's number
	 */
	public boolean isTo(String number) {
		return number.equals(this.mobile) || (this.areaCode != null && number.equals(this.areaCode + this.mobile));
	}

}

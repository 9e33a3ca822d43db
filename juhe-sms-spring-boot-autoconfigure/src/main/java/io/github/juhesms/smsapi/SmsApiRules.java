package io.github.juhesms.smsapi;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Set;

import io.github.juhesms.call.SendWindow;
import io.github.juhesms.core.JuheOperation;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the SMS API document for marketing messages (营销短信) that the starter checks
 * before a send: a template marked marketing is sent only from 08:30 to 21:30 China time.
 * Its other rules are kept elsewhere or not at all: the text must end with
 * {@value #MARKETING_ENDING}, checked at start-up on the configured text; and marketing
 * content should not be sent singly (China Mobile wants 20 or more in a loop), which the
 * starter cannot check, as the SMS API sends one number per request.
 *
 * @param marketingTemplates the ids of the templates that are marketing
 * @param marketingWindow the marketing send hours, or {@code null} to send marketing at
 * any hour
 */
public record SmsApiRules(Set<Long> marketingTemplates, @Nullable SendWindow marketingWindow) {

	/** What the document asks every marketing text to end with (营销内容最后加"拒收请回复R"). */
	public static final String MARKETING_ENDING = "拒收请回复R";

	/** The document's marketing send hours: 08:30 to 21:30 China time. */
	public static final SendWindow MARKETING_WINDOW = new SendWindow(LocalTime.of(8, 30), LocalTime.of(21, 30),
			"juhe.sms.sms-api.marketing.send-window");

	/** No marketing templates known. */
	public static final SmsApiRules NONE = new SmsApiRules(Set.of(), MARKETING_WINDOW);

	/**
	 * Create the rules.
	 * @param marketingTemplates the ids of the templates that are marketing
	 * @param marketingWindow the marketing send hours, or {@code null} for any hour
	 */
	public SmsApiRules {
		marketingTemplates = Set.copyOf(marketingTemplates);
	}

	void check(JuheOperation operation, long templateId, Clock clock) {
		if (this.marketingWindow != null && this.marketingTemplates.contains(templateId)) {
			this.marketingWindow.check(operation, "tpl_id", "marketing template " + templateId
					+ " (juhe.sms.sms-api.templates." + templateId + ".marketing; 营销短信发送时间为：8：30至21:30)", clock);
		}
	}

}

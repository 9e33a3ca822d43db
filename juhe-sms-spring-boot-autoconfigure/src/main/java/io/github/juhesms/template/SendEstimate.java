package io.github.juhesms.template;

import io.github.juhesms.core.MessageLength;
import io.github.juhesms.template.TemplateCatalog.RenderedMessage;

/**
 * What a send would say and cost, by the documents' billing rule, before anything is
 * sent.
 *
 * @param account the account the send would use
 * @param templateId the template
 * @param text the message as the handset shows it, signature included
 * @param length the text's length and the messages billed for it per recipient
 * @param recipients the numbers the message goes to
 * @param feePerMessage what one message costs where it goes: the area's fee for
 * International SMS ({@code areaCode}), 1 elsewhere
 * @param billedUnits what Juhe would bill: messages per recipient (by length, or one for
 * a video message) times recipients times the fee per message
 */
public record SendEstimate(String account, long templateId, String text, MessageLength length, int recipients,
		int feePerMessage, long billedUnits) {

	/**
	 * An estimate of a message billed once per recipient whatever its length, as a video
	 * message is.
	 * @param account the account
	 * @param message the message
	 * @param recipients the numbers
	 * @return the estimate
	 */
	public static SendEstimate perMessage(String account, RenderedMessage message, int recipients) {
		return new SendEstimate(account, message.template().templateId(), message.text(), message.length(), recipients,
				1, recipients);
	}

	/**
	 * An estimate of a message billed by its length, to some recipients.
	 * @param account the account
	 * @param message the message
	 * @param recipients the numbers
	 * @param feePerMessage the fee of one message
	 * @return the estimate
	 */
	public static SendEstimate of(String account, RenderedMessage message, int recipients, int feePerMessage) {
		MessageLength length = message.length();
		return new SendEstimate(account, message.template().templateId(), message.text(), length, recipients,
				feePerMessage, (long) length.billedUnits() * recipients * feePerMessage);
	}

}

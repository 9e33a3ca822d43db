package io.github.juhesms.test.fake;

import io.github.juhesms.core.MessageLength;

/**
 * The text of a message as the handset shows it, {@code 【signature】content}, billed by
 * the starter's own {@link MessageLength}, so that the fake bills what production would.
 *
 * @param signature the signature, without brackets
 * @param content the content, variables filled in
 */
record SmsText(String signature, String content) {

	/**
	 * The text with its signature.
	 * @return {@code 【signature】content}
	 */
	String text() {
		return "【" + this.signature + "】" + this.content;
	}

	/**
	 * The text's length and billed messages by the documents' rule.
	 * @return the measure of {@link #text()}
	 */
	MessageLength length() {
		return MessageLength.of(text());
	}

}

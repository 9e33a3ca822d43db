package io.github.juhesms.test.fake;

/**
 * The text of a message as the handset shows it, {@code 【signature】content}, and what it
 * is billed by the documents' rule: up to 70 characters is one message, longer is one per
 * 67; pure English up to 140 is one, longer one per 134; 500 characters at most. Every
 * character counts as one, whatever its script.
 *
 * @param signature the signature, without brackets
 * @param content the content, variables filled in
 */
record SmsText(String signature, String content) {

	static final int MAX_LENGTH = 500;

	/**
	 * The text with its signature.
	 * @return {@code 【signature】content}
	 */
	String text() {
		return "【" + this.signature + "】" + this.content;
	}

	int length() {
		String text = text();
		return text.codePointCount(0, text.length());
	}

	boolean isTooLong() {
		return length() > MAX_LENGTH;
	}

	/**
	 * The messages billed for this text.
	 * @return 1 or more
	 */
	int billedMessages() {
		boolean english = isPureEnglish();
		int single = english ? 140 : 70;
		int perPart = english ? 134 : 67;
		int length = length();
		return (length <= single) ? 1 : (length + perPart - 1) / perPart;
	}

	// The document does not say whether the signature's brackets count against "pure
	// English"; they are the service's framing, not the sender's text, so only signature
	// and content are judged.
	private boolean isPureEnglish() {
		return (this.signature + this.content).chars().allMatch((c) -> c < 128);
	}

}

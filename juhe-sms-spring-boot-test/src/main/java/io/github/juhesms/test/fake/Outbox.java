package io.github.juhesms.test.fake;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.github.juhesms.core.JuheProduct;

/**
 * The messages the fake accepted, the requests it received with the account each carried
 * the key of, and the ids of sends. Not thread-safe: the fake calls it under its lock.
 */
final class Outbox {

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private final List<SentMessage> messages = new ArrayList<>();

	private final List<ReceivedRequest> requests = new ArrayList<>();

	private long sequence;

	void received(ReceivedRequest request) {
		this.requests.add(request);
	}

	List<ReceivedRequest> requests() {
		return List.copyOf(this.requests);
	}

	void add(SentMessage message) {
		this.messages.add(message);
	}

	List<SentMessage> messages() {
		return List.copyOf(this.messages);
	}

	/**
	 * A new send id shaped like the product's example in its document, unique within this
	 * fake.
	 * @param product the product
	 * @return the sid
	 */
	String nextSid(JuheProduct product) {
		long next = ++this.sequence;
		String timestamp = LocalDateTime.now().format(TIMESTAMP);
		String hex = UUID.randomUUID().toString().replace("-", "");
		return switch (product) {
			case INTERNATIONAL -> timestamp + String.format("%06d", next);
			case FINANCIAL -> timestamp + String.format("%010d", next);
			case VERIFICATION_CODE -> "86" + String.format("%017d", next);
			case SMS_API -> hex;
			case VIDEO -> hex.substring(0, 25);
		};
	}

	void reset() {
		this.messages.clear();
		this.requests.clear();
	}

}

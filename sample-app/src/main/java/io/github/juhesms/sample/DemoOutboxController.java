package io.github.juhesms.sample;

import java.util.List;

import io.github.juhesms.core.Masking;
import io.github.juhesms.test.fake.FakeJuheServer;
import io.github.juhesms.test.fake.SentMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * In demo mode, what the fake Juhe "sent", as the phones would show it: this is where a
 * demo user reads a verification code. Only with the demo profile: an outbox that shows
 * codes would let anyone pass {@code /codes/verify}.
 */
@RestController
@Profile("demo")
class DemoOutboxController {

	private final FakeJuheServer juhe;

	DemoOutboxController(FakeJuheServer juhe) {
		this.juhe = juhe;
	}

	@GetMapping("/demo/outbox")
	List<OutboxMessage> outbox(@RequestParam(required = false) @Nullable String mobile) {
		FakeJuheServer server = this.juhe;
		List<SentMessage> messages = (mobile != null) ? server.messagesTo(mobile) : server.outbox();
		return messages.stream().map(OutboxMessage::of).toList();
	}

	/**
	 * One accepted message; the number masked as everywhere else, the code in clear as on
	 * the phone.
	 */
	record OutboxMessage(String product, String sid, String mobile, long templateId, String text,
			@Nullable String code) {

		static OutboxMessage of(SentMessage message) {
			String mobile = (message.areaCode() != null) ? message.areaCode() + " " + Masking.mobile(message.mobile())
					: Masking.mobile(message.mobile());
			return new OutboxMessage(message.product().id(), message.sid(), mobile, message.templateId(),
					message.text(), message.code());
		}

	}

}

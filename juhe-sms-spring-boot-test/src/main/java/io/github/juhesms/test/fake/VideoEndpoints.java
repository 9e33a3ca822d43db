package io.github.juhesms.test.fake;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.Carrier;

/**
 * Video SMS (视频短信) as its document describes it: {@code send} to China Mobile numbers
 * only ({@link VideoCarrierRule}), and {@code myTpls}. Templates are made by Juhe's
 * support, so tests add them through {@link FakeJuheServer#submitTemplate}.
 */
final class VideoEndpoints {

	private static final JuheProduct PRODUCT = JuheProduct.VIDEO;

	private static final int MALFORMED_TEMPLATE_ID = 236301;

	private static final int UNKNOWN_TEMPLATE = 236302;

	private static final int INVALID_TEMPLATE = 236303;

	private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final String account;

	private final Templates templates;

	private final Outbox outbox;

	VideoEndpoints(String account, Templates templates, Outbox outbox) {
		this.account = account;
		this.templates = templates;
		this.outbox = outbox;
	}

	JuheAnswer answer(JuheRequest request) {
		return switch (request.endpoint()) {
			case VIDEO_SEND -> send(request);
			case VIDEO_MY_TEMPLATES -> myTemplates();
			default -> throw new IllegalArgumentException(request.endpoint() + " is not a Video SMS endpoint");
		};
	}

	private JuheAnswer send(JuheRequest request) {
		long templateId = request.templateId("tplId", MALFORMED_TEMPLATE_ID);
		String mobile = request.parameter("mobile");
		if (mobile == null || !Carriers.isMainlandMobile(mobile)) {
			throw JuheRejection.of(VideoCarrierRule.WRONG_MOBILE, null);
		}
		VideoCarrierRule.check(mobile);
		FakeTemplate template = this.templates.find(this.account, PRODUCT, templateId);
		if (template == null) {
			throw JuheRejection.of(UNKNOWN_TEMPLATE, null);
		}
		if (!template.isUsable()) {
			throw JuheRejection.of(INVALID_TEMPLATE, null);
		}
		String sid = this.outbox.nextSid(PRODUCT);
		// Billed per accepted send, whatever the text's length: the document states no
		// length rule.
		this.outbox.add(new SentMessage(this.account, PRODUCT, sid, null, mobile, templateId, Map.of(), template.text(),
				1, 1, Carrier.CHINA_MOBILE));
		return JuheAnswer.success("success", Map.of("sid", sid));
	}

	// tpl_state is 1 (usable) or 0 (not usable): a template in review, rejected or
	// deleted is 0.
	private JuheAnswer myTemplates() {
		List<Map<String, Object>> templates = this.templates.of(this.account, PRODUCT).stream().map((template) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("tplId", template.id());
			entry.put("url", "https://fake.juhe.invalid/caixin/" + template.id() + ".mp4");
			entry.put("content", template.text());
			entry.put("tpl_state", template.isUsable() ? 1 : 0);
			entry.put("created_at", template.createdAt().format(CREATED_AT));
			return entry;
		}).toList();
		return JuheAnswer.success("success", templates);
	}

}

package io.github.juhesms.test.fake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * One account of the fake: its key for each product, the five products' endpoints bound
 * to its templates, and its standing verification-code template. Not thread-safe: the
 * fake calls it under its lock.
 */
final class FakeAccount {

	// The standing verification-code template: a signature of its own, so that a test
	// submitting its own template (say 聚合数据 with 1001) is not refused as a repeat.
	static final String STANDING_SIGNATURE = "聚合测试";

	static final int STANDING_TEMPLATE_CODE = 1001;

	private final String name;

	private final Map<JuheProduct, String> keys;

	private final Templates templates;

	private final InternationalEndpoints international;

	private final FinancialEndpoints financial;

	private final VerificationCodeEndpoints verificationCode;

	private final SmsApiEndpoints smsApi;

	private final VideoEndpoints video;

	private @Nullable FakeTemplate verificationCodeTemplate;

	FakeAccount(String name, Map<JuheProduct, String> keys, Templates templates, Outbox outbox) {
		this.name = name;
		this.keys = Collections.unmodifiableMap(new EnumMap<>(keys));
		this.templates = templates;
		this.international = new InternationalEndpoints(name, templates, outbox);
		this.financial = new FinancialEndpoints(name, templates, outbox);
		this.verificationCode = new VerificationCodeEndpoints(name, templates, outbox);
		this.smsApi = new SmsApiEndpoints(name, templates, outbox);
		this.video = new VideoEndpoints(name, templates, outbox);
	}

	String name() {
		return this.name;
	}

	String key(JuheProduct product) {
		return this.keys.get(product);
	}

	Map<JuheProduct, String> keys() {
		return this.keys;
	}

	// Made when first asked for, so that a server whose templates are all submitted by
	// its user (the sample's demo) hands out the same ids as before.
	FakeTemplate verificationCodeTemplate() {
		FakeTemplate template = this.verificationCodeTemplate;
		if (template == null) {
			template = this.verificationCode.registerStanding(STANDING_SIGNATURE,
					VerificationCodeEndpoints.option(STANDING_TEMPLATE_CODE).orElseThrow());
			this.verificationCodeTemplate = template;
		}
		return template;
	}

	JuheAnswer answer(JuheRequest request) {
		return switch (request.endpoint().product()) {
			case INTERNATIONAL -> this.international.answer(request);
			case FINANCIAL -> this.financial.answer(request);
			case VERIFICATION_CODE -> this.verificationCode.answer(request);
			case SMS_API -> this.smsApi.answer(request);
			case VIDEO -> this.video.answer(request);
		};
	}

	FakeTemplate submitTemplate(JuheProduct product, String signature, String content) {
		return switch (product) {
			case FINANCIAL -> this.financial.register(signature, content).get(0);
			case VERIFICATION_CODE -> throw new IllegalArgumentException(
					"Verification-code templates are made from an option template: use submitVerificationCodeTemplate");
			default -> this.templates.add(this.name, product, signature, content, null, null);
		};
	}

	FakeTemplate submitVerificationCodeTemplate(String signature, int templateCode) {
		VendorOptionTemplate option = VerificationCodeEndpoints.option(templateCode)
			.orElseThrow(
					() -> new IllegalArgumentException("The document's optionTpl list has no tplcode " + templateCode));
		return this.verificationCode.register(signature, option);
	}

}

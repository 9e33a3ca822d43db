package io.github.juhesms.test.fake;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import org.jspecify.annotations.Nullable;

/**
 * The fake Juhe service without its HTTP layer: keys, templates, outbox and faults, and
 * the five products' endpoints. Every method holds the instance's lock, so requests and
 * test calls see one consistent state.
 */
final class FakeJuhe {

	private static final int WRONG_KEY = 10001;

	// The standing verification-code template: a signature of its own, so that a test
	// submitting its own template (say 聚合数据 with 1001) is not refused as a repeat.
	static final String STANDING_SIGNATURE = "聚合测试";

	static final int STANDING_TEMPLATE_CODE = 1001;

	private final Map<JuheProduct, String> keys;

	private final Templates templates = new Templates();

	private final Outbox outbox = new Outbox();

	private final Faults faults = new Faults();

	private final InternationalEndpoints international = new InternationalEndpoints(this.templates, this.outbox);

	private final FinancialEndpoints financial = new FinancialEndpoints(this.templates, this.outbox);

	private final VerificationCodeEndpoints verificationCode = new VerificationCodeEndpoints(this.templates,
			this.outbox);

	private final SmsApiEndpoints smsApi = new SmsApiEndpoints(this.templates, this.outbox);

	private final VideoEndpoints video = new VideoEndpoints(this.templates, this.outbox);

	private @Nullable FakeTemplate verificationCodeTemplate;

	FakeJuhe(Map<JuheProduct, String> keys) {
		this.keys = Map.copyOf(keys);
	}

	// Made when first asked for, so that a server whose templates are all submitted by
	// its
	// user (the sample's demo) hands out the same ids as before.
	synchronized FakeTemplate verificationCodeTemplate() {
		FakeTemplate template = this.verificationCodeTemplate;
		if (template == null) {
			template = this.verificationCode.registerStanding(STANDING_SIGNATURE,
					VerificationCodeEndpoints.option(STANDING_TEMPLATE_CODE).orElseThrow());
			this.verificationCodeTemplate = template;
		}
		return template;
	}

	String key(JuheProduct product) {
		return this.keys.get(product);
	}

	/**
	 * Receive a request: count it, take the fault aimed at it, and answer it unless the
	 * fault answers instead. A request with a wrong or missing key is answered 10001 and
	 * changes nothing.
	 * @param request the request
	 * @return the fault to apply, if any, and the answer
	 */
	synchronized Handled handle(JuheRequest request) {
		this.outbox.countRequest(request.endpoint());
		Fault fault = this.faults.take(request);
		if (fault != null && fault.kind() == Fault.Kind.ERROR_CODE) {
			return new Handled(fault,
					JuheAnswer.error(fault.errorCode(), JuheRejection.documentText(fault.errorCode())));
		}
		if (fault != null && fault.kind() == Fault.Kind.HTML_ERROR_PAGE) {
			return new Handled(fault, JuheAnswer.badGatewayPage());
		}
		try {
			if (!this.keys.get(request.endpoint().product()).equals(request.parameter("key"))) {
				throw JuheRejection.of(WRONG_KEY, null);
			}
			return new Handled(fault, answer(request));
		}
		catch (JuheRejection rejection) {
			return new Handled(fault, JuheAnswer.error(rejection.code(), rejection.reason()));
		}
	}

	private JuheAnswer answer(JuheRequest request) {
		return switch (request.endpoint().product()) {
			case INTERNATIONAL -> this.international.answer(request);
			case FINANCIAL -> this.financial.answer(request);
			case VERIFICATION_CODE -> this.verificationCode.answer(request);
			case SMS_API -> this.smsApi.answer(request);
			case VIDEO -> this.video.answer(request);
		};
	}

	synchronized List<SentMessage> outbox() {
		return this.outbox.messages();
	}

	synchronized int requests(JuheEndpoint endpoint) {
		return this.outbox.requests(endpoint);
	}

	synchronized void approveTemplatesImmediately(boolean approve) {
		this.templates.approveImmediately(approve);
	}

	synchronized FakeTemplate submitTemplate(JuheProduct product, String signature, String content) {
		return switch (product) {
			case FINANCIAL -> this.financial.register(signature, content).get(0);
			case VERIFICATION_CODE -> throw new IllegalArgumentException(
					"Verification-code templates are made from an option template: use submitVerificationCodeTemplate");
			default -> this.templates.add(product, signature, content, null, null);
		};
	}

	synchronized FakeTemplate submitVerificationCodeTemplate(String signature, int templateCode) {
		VendorOptionTemplate option = VerificationCodeEndpoints.option(templateCode)
			.orElseThrow(
					() -> new IllegalArgumentException("The document's optionTpl list has no tplcode " + templateCode));
		return this.verificationCode.register(signature, option);
	}

	synchronized void review(long templateId, TemplateReviewState state) {
		this.templates.setState(templateId, state);
	}

	synchronized void deleteTemplate(long templateId) {
		this.templates.delete(templateId);
	}

	synchronized List<FakeTemplate> templates() {
		return this.templates.all();
	}

	synchronized FakeTemplate template(long templateId) {
		return this.templates.get(templateId);
	}

	synchronized void inject(FaultTarget target, int times, Fault fault) {
		this.faults.add(target, times, fault);
	}

	synchronized void reset() {
		this.templates.reset();
		this.outbox.reset();
		this.faults.reset();
	}

	/**
	 * A received request: the fault applied to it and the answer to write.
	 *
	 * @param fault the fault, or {@code null}
	 * @param answer the answer; for a delay or a dropped connection, the request was
	 * processed all the same
	 */
	record Handled(@Nullable Fault fault, JuheAnswer answer) {

	}

}

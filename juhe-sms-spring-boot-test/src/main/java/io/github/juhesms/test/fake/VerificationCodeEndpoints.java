package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.MessageLength;

/**
 * Verification-code SMS (短信API服务（验证码）) as its document describes it: {@code optionTpl}
 * (the document's list), {@code submitTpl} from one of those texts, {@code send} with the
 * variable rules the text's description states, and {@code myTpl}.
 */
final class VerificationCodeEndpoints {

	private static final JuheProduct PRODUCT = JuheProduct.VERIFICATION_CODE;

	private static final int WRONG_SIGNATURE = 248601;

	private static final int WRONG_TEMPLATE_CODE = 248602;

	private static final int MALFORMED_TEMPLATE_ID = 248603;

	private static final int UNKNOWN_TEMPLATE = 248604;

	private static final int NOT_APPROVED = 248605;

	private static final int DELETED = 248606;

	private static final int WRONG_MOBILE = 248607;

	private static final int WRONG_VARIABLES = 248608;

	private static final int TOO_LONG = 248609;

	private static final int SAME_TEMPLATE = 248612;

	// 248601: "模板签名必须为2-16个中英文数字字符".
	private static final Pattern SIGNATURE = Pattern.compile("[\\p{IsHan}A-Za-z0-9]{2,16}");

	private final String account;

	private final Templates templates;

	private final Outbox outbox;

	VerificationCodeEndpoints(String account, Templates templates, Outbox outbox) {
		this.account = account;
		this.templates = templates;
		this.outbox = outbox;
	}

	JuheAnswer answer(JuheRequest request) {
		return switch (request.endpoint()) {
			case VERIFICATION_CODE_OPTION_TEMPLATES -> optionTemplates();
			case VERIFICATION_CODE_SUBMIT_TEMPLATE -> submitTemplate(request);
			case VERIFICATION_CODE_SEND -> send(request);
			case VERIFICATION_CODE_MY_TEMPLATES -> myTemplates();
			default ->
				throw new IllegalArgumentException(request.endpoint() + " is not a Verification-code SMS endpoint");
		};
	}

	static Optional<VendorOptionTemplate> option(int templateCode) {
		return VendorDocuments.optionTemplates().stream().filter((option) -> option.code() == templateCode).findFirst();
	}

	FakeTemplate registerStanding(String signature, VendorOptionTemplate option) {
		return this.templates.addStanding(this.account, PRODUCT, signature, option.text(), option.code());
	}

	FakeTemplate register(String signature, VendorOptionTemplate option) {
		return this.templates.add(this.account, PRODUCT, signature, option.text(), null, option.code());
	}

	private JuheAnswer optionTemplates() {
		List<Map<String, Object>> options = VendorDocuments.optionTemplates().stream().map((option) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("tplcode", option.code());
			entry.put("sms_tpl", option.text());
			entry.put("des", option.description());
			return entry;
		}).toList();
		return JuheAnswer.success("success", options);
	}

	private JuheAnswer submitTemplate(JuheRequest request) {
		String signature = request.parameter("signature");
		if (signature == null || !SIGNATURE.matcher(signature).matches()) {
			throw JuheRejection.of(WRONG_SIGNATURE, null);
		}
		String templateCode = request.required("tplcode", WRONG_TEMPLATE_CODE);
		VendorOptionTemplate option = (templateCode.matches("[0-9]{1,9}"))
				? option(Integer.parseInt(templateCode)).orElse(null) : null;
		if (option == null) {
			throw JuheRejection.of(WRONG_TEMPLATE_CODE, null);
		}
		boolean submitted = this.templates.of(this.account, PRODUCT)
			.stream()
			.anyMatch((template) -> !template.deleted() && template.signature().equals(signature)
					&& template.content().equals(option.text()));
		if (submitted) {
			throw JuheRejection.of(SAME_TEMPLATE, null);
		}
		return JuheAnswer.success("success", Map.of("tplId", register(signature, option).id()));
	}

	private JuheAnswer send(JuheRequest request) {
		String mobile = request.parameter("mobile");
		if (mobile == null || !Carriers.isMainlandMobile(mobile)) {
			throw JuheRejection.of(WRONG_MOBILE, null);
		}
		long templateId = request.templateId("tplId", MALFORMED_TEMPLATE_ID);
		FakeTemplate template = this.templates.find(this.account, PRODUCT, templateId);
		if (template == null) {
			throw JuheRejection.of(UNKNOWN_TEMPLATE, null);
		}
		if (template.deleted()) {
			throw JuheRejection.of(DELETED, null);
		}
		if (!template.isUsable()) {
			throw JuheRejection.of(NOT_APPROVED, null);
		}
		request.required("tplValue", WRONG_VARIABLES);
		Map<String, String> variables = request.templateValues("tplValue", WRONG_VARIABLES);
		String problem = option(template).problemWith(variables);
		if (problem != null) {
			throw JuheRejection.of(WRONG_VARIABLES, problem);
		}
		SmsText text = new SmsText(template.signature(), TemplateValues.render(template.content(), variables));
		MessageLength length = text.length();
		if (length.isTooLong()) {
			throw JuheRejection.of(TOO_LONG, null);
		}
		int units = length.billedUnits();
		String sid = this.outbox.nextSid(PRODUCT);
		this.outbox.add(new SentMessage(this.account, PRODUCT, sid, null, mobile, templateId, variables, text.text(),
				units, units, Carriers.of(mobile)));
		return JuheAnswer.success("success", Map.of("sid", sid));
	}

	// Deleted templates stay listed, as invalid (status 0), which is what the field is
	// for.
	private JuheAnswer myTemplates() {
		List<Map<String, Object>> templates = this.templates.of(this.account, PRODUCT).stream().map((template) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("tplId", template.id());
			entry.put("signature", template.signature());
			entry.put("tpl_state", template.stateCode());
			entry.put("status", template.deleted() ? 0 : 1);
			entry.put("sms_tpl", template.content());
			entry.put("des", option(template).description());
			return entry;
		}).toList();
		return JuheAnswer.success("success", templates);
	}

	private static VendorOptionTemplate option(FakeTemplate template) {
		Integer templateCode = template.templateCode();
		return option((templateCode != null) ? templateCode : 0)
			.orElseThrow(() -> new IllegalStateException("Template " + template.id() + " has no option template"));
	}

}

package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.MessageLength;

/**
 * International SMS (国际短信) as its document describes it: {@code submitTpl}, {@code send},
 * {@code areaCode}, {@code myTemplates} and {@code deleteTpl}.
 */
final class InternationalEndpoints {

	private static final JuheProduct PRODUCT = JuheProduct.INTERNATIONAL;

	// The document names no code for a missing signature or content; 235706 ("发送失败") is
	// the product's general failure.
	private static final int FAILED = 235706;

	private static final int MALFORMED_TEMPLATE_ID = 235701;

	private static final int WRONG_AREA_CODE = 235702;

	private static final int UNKNOWN_TEMPLATE = 235704;

	private static final int NOT_APPROVED = 235705;

	private static final int DELETED = 235707;

	private static final int TOO_LONG = 235709;

	private static final int WRONG_MOBILE = 235710;

	private static final int UNKNOWN_AREA_CODE = 235713;

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	// Numbers without their area code: E.164 allows 15 digits with it.
	private static final Pattern MOBILE = Pattern.compile("[0-9]{4,14}");

	private final String account;

	private final Templates templates;

	private final Outbox outbox;

	InternationalEndpoints(String account, Templates templates, Outbox outbox) {
		this.account = account;
		this.templates = templates;
		this.outbox = outbox;
	}

	JuheAnswer answer(JuheRequest request) {
		return switch (request.endpoint()) {
			case INTERNATIONAL_SUBMIT_TEMPLATE -> submitTemplate(request);
			case INTERNATIONAL_SEND -> send(request);
			case INTERNATIONAL_AREA_CODE -> JuheAnswer.json(VendorDocuments.areaCodes());
			case INTERNATIONAL_MY_TEMPLATES -> myTemplates();
			case INTERNATIONAL_DELETE_TEMPLATE -> deleteTemplate(request);
			default -> throw new IllegalArgumentException(request.endpoint() + " is not an International SMS endpoint");
		};
	}

	private JuheAnswer submitTemplate(JuheRequest request) {
		String signature = request.required("signature", FAILED);
		String content = request.required("content", FAILED);
		if (new SmsText(signature, content).length().isTooLong()) {
			throw JuheRejection.of(TOO_LONG, null);
		}
		FakeTemplate template = this.templates.add(this.account, PRODUCT, signature, content, null, null);
		return JuheAnswer.success("success", Map.of("tplId", template.id()));
	}

	private JuheAnswer send(JuheRequest request) {
		long templateId = request.templateId("tplId", MALFORMED_TEMPLATE_ID);
		String areaCode = request.parameter("areaNum");
		if (areaCode == null || !DIGITS.matcher(areaCode).matches()) {
			throw JuheRejection.of(WRONG_AREA_CODE, null);
		}
		Integer areaFee = VendorDocuments.feeByAreaCode().get(areaCode);
		if (areaFee == null) {
			throw JuheRejection.of(UNKNOWN_AREA_CODE, null);
		}
		String mobile = request.parameter("mobile");
		if (mobile == null || !MOBILE.matcher(mobile).matches()) {
			throw JuheRejection.of(WRONG_MOBILE, null);
		}
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
		Map<String, String> variables = request.templateValues("tplValue", FAILED);
		SmsText text = new SmsText(template.signature(), TemplateValues.render(template.content(), variables));
		MessageLength length = text.length();
		if (length.isTooLong()) {
			throw JuheRejection.of(TOO_LONG, null);
		}
		int units = length.billedUnits();
		String sid = this.outbox.nextSid(PRODUCT);
		int fee = units * areaFee;
		this.outbox.add(new SentMessage(this.account, PRODUCT, sid, areaCode, mobile, templateId, variables,
				text.text(), units, fee, null));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("sid", sid);
		result.put("fee", fee);
		return JuheAnswer.success("操作成功", result);
	}

	private JuheAnswer myTemplates() {
		List<Map<String, Object>> templates = this.templates.of(this.account, PRODUCT)
			.stream()
			.filter((template) -> !template.deleted())
			.map(InternationalEndpoints::template)
			.toList();
		return JuheAnswer.success("success", Map.of("templates", templates));
	}

	private JuheAnswer deleteTemplate(JuheRequest request) {
		long templateId = request.templateId("tplId", MALFORMED_TEMPLATE_ID);
		FakeTemplate template = this.templates.find(this.account, PRODUCT, templateId);
		if (template == null) {
			throw JuheRejection.of(UNKNOWN_TEMPLATE, null);
		}
		if (template.deleted()) {
			throw JuheRejection.of(DELETED, null);
		}
		this.templates.delete(templateId);
		return JuheAnswer.success("success", List.of());
	}

	private static Map<String, Object> template(FakeTemplate template) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("tplId", template.id());
		entry.put("tpl", template.content());
		entry.put("tpl_signature", template.signature());
		entry.put("tpl_state", template.stateCode());
		return entry;
	}

}

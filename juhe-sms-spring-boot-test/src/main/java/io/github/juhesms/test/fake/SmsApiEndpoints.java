package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.MessageLength;

/**
 * The SMS API (短信API服务) as its document describes it: {@code send} with variables in
 * {@code vars} (a JSON object) or {@code tpl_value} (pairs), and an optional extension
 * code. Templates are made in Juhe's console, so tests add them through
 * {@link FakeJuheServer#submitTemplate}.
 */
final class SmsApiEndpoints {

	private static final JuheProduct PRODUCT = JuheProduct.SMS_API;

	private static final int WRONG_MOBILE = 205401;

	private static final int WRONG_TEMPLATE = 205402;

	// "发送失败,具体原因请参考返回reason": the document's code for every other refused send.
	private static final int FAILED = 205404;

	// "ext: 扩展码，9位以内的数字".
	private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,9}");

	private final String account;

	private final Templates templates;

	private final Outbox outbox;

	SmsApiEndpoints(String account, Templates templates, Outbox outbox) {
		this.account = account;
		this.templates = templates;
		this.outbox = outbox;
	}

	JuheAnswer answer(JuheRequest request) {
		if (request.endpoint() != JuheEndpoint.SMS_API_SEND) {
			throw new IllegalArgumentException(request.endpoint() + " is not an SMS API endpoint");
		}
		return send(request);
	}

	private JuheAnswer send(JuheRequest request) {
		String mobile = request.parameter("mobile");
		if (mobile == null || !Carriers.isMainlandMobile(mobile)) {
			throw JuheRejection.of(WRONG_MOBILE, null);
		}
		long templateId = request.templateId("tpl_id", WRONG_TEMPLATE);
		FakeTemplate template = this.templates.find(this.account, PRODUCT, templateId);
		if (template == null) {
			throw JuheRejection.of(WRONG_TEMPLATE, "模板不存在");
		}
		if (template.deleted()) {
			throw JuheRejection.of(WRONG_TEMPLATE, "模板已删除");
		}
		if (!template.isUsable()) {
			throw JuheRejection.of(WRONG_TEMPLATE, "模板还未审核通过");
		}
		String extension = request.parameter("ext");
		if (extension != null && !EXTENSION.matcher(extension).matches()) {
			throw JuheRejection.of(FAILED, "扩展码为9位以内的数字");
		}
		Map<String, String> variables = variables(request);
		SmsText text = new SmsText(template.signature(), TemplateValues.render(template.content(), variables));
		MessageLength length = text.length();
		if (length.isTooLong()) {
			throw JuheRejection.of(FAILED, "发送内容过长,限制500字以内");
		}
		int units = length.billedUnits();
		String sid = this.outbox.nextSid(PRODUCT);
		this.outbox.add(new SentMessage(this.account, PRODUCT, sid, null, mobile, templateId, variables, text.text(),
				units, units, Carriers.of(mobile)));
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("count", 1);
		result.put("fee", units);
		result.put("sid", sid);
		return JuheAnswer.success("短信发送成功", result);
	}

	// vars wins when both are given: the document recommends it. Neither is only right
	// for a template without variables; otherwise the placeholders go out as they are, as
	// the document warns.
	private static Map<String, String> variables(JuheRequest request) {
		String vars = request.parameter("vars");
		if (vars == null) {
			return request.templateValues("tpl_value", FAILED);
		}
		try {
			return TemplateValues.decodeJson(vars);
		}
		catch (IllegalArgumentException ex) {
			throw JuheRejection.of(FAILED, ex.getMessage());
		}
	}

}

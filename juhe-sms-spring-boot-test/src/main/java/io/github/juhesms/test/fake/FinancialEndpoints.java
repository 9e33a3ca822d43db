package io.github.juhesms.test.fake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.MessageLength;
import io.github.juhesms.financial.Carrier;
import org.jspecify.annotations.Nullable;

/**
 * Financial SMS (金融短信) as its document describes it: {@code submitTpl.php} (one template
 * for all networks and one per carrier), {@code send.php} to up to 10,000 numbers,
 * {@code mobileGroup.php} and {@code myTemplates.php}.
 */
final class FinancialEndpoints {

	private static final JuheProduct PRODUCT = JuheProduct.FINANCIAL;

	private static final int MAX_MOBILES = 10_000;

	// The document has one code for every template problem and one for every parameter
	// problem; the reason says which.
	private static final int TEMPLATE_ERROR = 228801;

	private static final int PARAMETER_ERROR = 228802;

	private static final int TOO_LONG = 228804;

	private static final List<Carrier> BATCH = List.of(Carrier.ALL, Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM,
			Carrier.CHINA_TELECOM);

	// tplBatchInfo's letters: a = all three networks, b = Mobile, c = Unicom, d =
	// Telecom.
	private static final Map<Carrier, String> BATCH_LETTERS = Map.of(Carrier.ALL, "a", Carrier.CHINA_MOBILE, "b",
			Carrier.CHINA_UNICOM, "c", Carrier.CHINA_TELECOM, "d");

	// myTemplates' operation: 0 = all networks, 1 = Mobile, 2 = Unicom, 3 = Telecom.
	private static final Map<Carrier, Integer> OPERATIONS = Map.of(Carrier.ALL, 0, Carrier.CHINA_MOBILE, 1,
			Carrier.CHINA_UNICOM, 2, Carrier.CHINA_TELECOM, 3);

	// mobileGroup's letters: a = Mobile, b = Unicom, c = Telecom.
	private static final Map<Carrier, String> GROUP_LETTERS = Map.of(Carrier.CHINA_MOBILE, "a", Carrier.CHINA_UNICOM,
			"b", Carrier.CHINA_TELECOM, "c");

	private final String account;

	private final Templates templates;

	private final Outbox outbox;

	FinancialEndpoints(String account, Templates templates, Outbox outbox) {
		this.account = account;
		this.templates = templates;
		this.outbox = outbox;
	}

	JuheAnswer answer(JuheRequest request) {
		return switch (request.endpoint()) {
			case FINANCIAL_SUBMIT_TEMPLATE -> submitTemplate(request);
			case FINANCIAL_SEND -> send(request);
			case FINANCIAL_MOBILE_GROUP -> mobileGroup(request);
			case FINANCIAL_MY_TEMPLATES -> myTemplates();
			default -> throw new IllegalArgumentException(request.endpoint() + " is not a Financial SMS endpoint");
		};
	}

	/**
	 * Register a template for all networks and for each carrier, as {@code submitTpl.php}
	 * does.
	 * @param signature the signature
	 * @param content the content
	 * @return the templates, all networks first, then Mobile, Unicom and Telecom
	 */
	List<FakeTemplate> register(String signature, String content) {
		List<FakeTemplate> batch = new ArrayList<>();
		for (Carrier carrier : BATCH) {
			batch.add(this.templates.add(this.account, PRODUCT, signature, content, carrier, null));
		}
		return batch;
	}

	private JuheAnswer submitTemplate(JuheRequest request) {
		String signature = request.required("signature", PARAMETER_ERROR);
		String content = request.required("content", PARAMETER_ERROR);
		SmsText text = new SmsText(signature, content);
		if (text.length().isTooLong()) {
			throw JuheRejection.of(TOO_LONG, null);
		}
		List<FakeTemplate> batch = register(signature, content);
		List<Map<String, Long>> batchInfo = batch.stream()
			.map((template) -> Map.of(BATCH_LETTERS.get(template.carrier()), template.id()))
			.toList();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("sendContent", text.text());
		result.put("tplId", batch.get(0).id());
		result.put("tplBatchInfo", batchInfo);
		return JuheAnswer.success("success", result);
	}

	private JuheAnswer send(JuheRequest request) {
		List<String> mobiles = mobiles(request);
		long templateId = request.templateId("tplId", TEMPLATE_ERROR);
		FakeTemplate template = this.templates.find(this.account, PRODUCT, templateId);
		if (template == null) {
			throw JuheRejection.of(TEMPLATE_ERROR, "模板不存在");
		}
		if (template.deleted()) {
			throw JuheRejection.of(TEMPLATE_ERROR, "模板已删除");
		}
		if (!template.isUsable()) {
			throw JuheRejection.of(TEMPLATE_ERROR, "模板还未审核通过");
		}
		Map<String, String> variables = request.templateValues("tplValue", PARAMETER_ERROR);
		SmsText text = new SmsText(template.signature(), TemplateValues.render(template.content(), variables));
		MessageLength length = text.length();
		if (length.isTooLong()) {
			throw JuheRejection.of(TOO_LONG, null);
		}
		int units = length.billedUnits();
		String sid = this.outbox.nextSid(PRODUCT);
		// Each number is a message of its own, billed on its own.
		for (String mobile : mobiles) {
			this.outbox.add(new SentMessage(this.account, PRODUCT, sid, null, mobile, templateId, variables,
					text.text(), units, units, Carriers.of(mobile)));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("sid", sid);
		result.put("fee", units * mobiles.size());
		return JuheAnswer.success("操作成功", result);
	}

	private JuheAnswer mobileGroup(JuheRequest request) {
		String mobiles = request.required("mobiles", PARAMETER_ERROR);
		List<String> numbers = List.of(mobiles.split(","));
		if (numbers.size() > MAX_MOBILES) {
			throw JuheRejection.of(PARAMETER_ERROR, "最大支持" + MAX_MOBILES + "个号码");
		}
		Map<Carrier, List<String>> groups = new EnumMap<>(Carrier.class);
		GROUP_LETTERS.keySet().forEach((carrier) -> groups.put(carrier, new ArrayList<>()));
		List<String> unknown = new ArrayList<>();
		for (String number : numbers) {
			Carrier carrier = Carriers.of(number);
			(carrier != null ? groups.get(carrier) : unknown).add(number);
		}
		Map<String, @Nullable List<String>> result = new LinkedHashMap<>();
		groups.forEach((carrier, group) -> result.put(GROUP_LETTERS.get(carrier), group));
		// The document's example shows an empty unknown group as null.
		result.put("unknown", unknown.isEmpty() ? null : unknown);
		return JuheAnswer.success("success", result);
	}

	private JuheAnswer myTemplates() {
		List<Map<String, Object>> templates = this.templates.of(this.account, PRODUCT)
			.stream()
			.filter((template) -> !template.deleted())
			.map(FinancialEndpoints::template)
			.toList();
		return JuheAnswer.success("success", Map.of("templates", templates));
	}

	private static List<String> mobiles(JuheRequest request) {
		List<String> mobiles = List.of(request.required("mobile", PARAMETER_ERROR).split(","));
		if (mobiles.size() > MAX_MOBILES) {
			throw JuheRejection.of(PARAMETER_ERROR, "最大支持" + MAX_MOBILES + "个号码");
		}
		for (String mobile : mobiles) {
			if (!Carriers.isMainlandMobile(mobile)) {
				throw JuheRejection.of(PARAMETER_ERROR, "手机号码格式错误");
			}
		}
		return mobiles;
	}

	private static Map<String, Object> template(FakeTemplate template) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("tplId", template.id());
		entry.put("tpl", template.content());
		entry.put("tpl_signature", template.signature());
		entry.put("tpl_state", template.stateCode());
		entry.put("operation", OPERATIONS.get(template.carrier()));
		return entry;
	}

}

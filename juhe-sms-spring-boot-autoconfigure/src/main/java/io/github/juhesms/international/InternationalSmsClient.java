package io.github.juhesms.international;

import java.util.List;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheResult;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.TemplateReviewState;

/**
 * Client of Juhe's International SMS (国际短信): submit, list and delete templates, send to
 * an area code and number, and list area codes with their fees.
 */
public class InternationalSmsClient {

	static final JuheOperation SUBMIT_TEMPLATE = JuheOperation.create(JuheProduct.INTERNATIONAL, "submitTpl",
			"/submitTpl");

	static final JuheOperation SEND = JuheOperation.send(JuheProduct.INTERNATIONAL, "send", "/send");

	static final JuheOperation AREA_CODES = JuheOperation.query(JuheProduct.INTERNATIONAL, "areaCode", "/areaCode")
		.acceptingBareArray();

	static final JuheOperation MY_TEMPLATES = JuheOperation.query(JuheProduct.INTERNATIONAL, "myTemplates",
			"/myTemplates");

	static final JuheOperation DELETE_TEMPLATE = JuheOperation.delete(JuheProduct.INTERNATIONAL, "deleteTpl",
			"/deleteTpl");

	private final JuheProductApi api;

	private final AreaPermissions areaPermissions;

	/**
	 * Create a client that sends to every area Juhe reaches.
	 * @param api the International SMS product API
	 */
	public InternationalSmsClient(JuheProductApi api) {
		this(api, AreaPermissions.ALL);
	}

	/**
	 * Create a client that sends only to the areas the permissions allow.
	 * @param api the International SMS product API
	 * @param areaPermissions the areas sends may go to
	 */
	public InternationalSmsClient(JuheProductApi api, AreaPermissions areaPermissions) {
		this.api = api;
		this.areaPermissions = areaPermissions;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public InternationalSmsClient forAccount(String account) {
		return new InternationalSmsClient(this.api.forAccount(account), this.areaPermissions);
	}

	/**
	 * Submit a template for review ({@code submitTpl}).
	 * @param signature the signature, e.g. a company or product name
	 * @param content the content, with variables written {@code #name#}
	 * @return the new template's id
	 */
	public SubmittedTemplate submitTemplate(String signature, String content) {
		JuheValidation.requireTemplateText(SUBMIT_TEMPLATE, signature, content);
		JuheForm form = new JuheForm().add("signature", signature).add("content", content);
		return this.api.call(JuheCall.of(SUBMIT_TEMPLATE, form),
				(result) -> new SubmittedTemplate(result.asObject().requiredLong("tplId")));
	}

	/**
	 * Send a message ({@code send}). Billed per message multiplied by the area's fee.
	 * @param request the area code, number, template and variables
	 * @return the message id and the billed units
	 */
	public InternationalSmsResult send(InternationalSmsRequest request) {
		return send(request, SendOptions.NONE);
	}

	/**
	 * Send a message ({@code send}) with options such as an idempotency key.
	 * @param request the area code, number, template and variables
	 * @param options the send options
	 * @return the message id and the billed units
	 */
	public InternationalSmsResult send(InternationalSmsRequest request, SendOptions options) {
		JuheValidation.requireArgument(SEND, "request", request);
		JuheValidation.requireArgument(SEND, "options", options);
		InternationalNumbers.check(SEND, request.areaCode(), request.mobile());
		this.areaPermissions.check(SEND, request.areaCode());
		JuheValidation.requireTemplateId(SEND, "tplId", request.templateId());
		JuheForm form = new JuheForm().add("mobile", request.mobile())
			.add("areaNum", request.areaCode())
			.add("tplId", request.templateId())
			.addVariables(SEND, "tplValue", request.variables(), VariablesEncoding.PAIRS_OMITTED_WHEN_EMPTY);
		JuheCall call = JuheCall
			.send(SEND, form, List.of(request.areaCode() + request.mobile()), request.templateId(), options)
			.withAreaCode(request.areaCode());
		return this.api.call(call,
				(result) -> new InternationalSmsResult(result.requiredText("sid"), result.optionalInt("fee")));
	}

	/**
	 * List the countries and areas Juhe sends to, with their per-message fees
	 * ({@code areaCode}).
	 * @return the area codes
	 */
	public List<AreaCode> areaCodes() {
		return this.api.call(JuheCall.of(AREA_CODES, new JuheForm()),
				(result) -> result.list(InternationalSmsClient::areaCode));
	}

	/**
	 * List the submitted templates ({@code myTemplates}).
	 * @return the templates
	 */
	public List<InternationalTemplate> myTemplates() {
		return this.api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()),
				(result) -> result.asObject().list("templates", InternationalSmsClient::template));
	}

	/**
	 * Delete a template ({@code deleteTpl}).
	 * @param templateId the template's id
	 */
	public void deleteTemplate(long templateId) {
		JuheValidation.requireTemplateId(DELETE_TEMPLATE, "tplId", templateId);
		JuheCall call = JuheCall.of(DELETE_TEMPLATE, new JuheForm().add("tplId", templateId), List.of(), templateId);
		this.api.call(call, (result) -> null);
	}

	private static AreaCode areaCode(JuheResult entry) {
		return new AreaCode(entry.requiredText("cname").strip(), entry.requiredText("ename").strip(),
				entry.requiredText("areanum").strip(), entry.requiredInt("fee"));
	}

	private static InternationalTemplate template(JuheResult entry) {
		return new InternationalTemplate(entry.requiredLong("tplId"), entry.requiredText("tpl"),
				entry.requiredText("tpl_signature"), TemplateReviewState.of(entry.requiredInt("tpl_state")));
	}

}

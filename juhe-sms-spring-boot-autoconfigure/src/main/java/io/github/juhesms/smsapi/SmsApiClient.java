package io.github.juhesms.smsapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheResult;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.template.KnownTemplate;
import io.github.juhesms.template.SendEstimate;
import io.github.juhesms.template.TemplateCatalog;
import io.github.juhesms.template.TemplateCatalog.CheckedSend;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.template.TemplateChecks.TemplateFields;

/**
 * Client of Juhe's SMS API (短信API服务): send a template message to a mainland mobile.
 */
public class SmsApiClient {

	/** The send operation. */
	public static final JuheOperation SEND = JuheOperation.send(JuheProduct.SMS_API, "send", "/send");

	private final JuheProductApi api;

	private final SmsApiVariablesFormat variablesFormat;

	private final SmsApiRules rules;

	private final TemplateCatalog templates;

	/**
	 * Create a client that knows no marketing templates ({@link SmsApiRules#NONE}) and no
	 * template texts.
	 * @param api the SMS API product API
	 * @param variablesFormat the parameter that carries template variables
	 */
	public SmsApiClient(JuheProductApi api, SmsApiVariablesFormat variablesFormat) {
		this(api, variablesFormat, SmsApiRules.NONE, TemplateChecks.off(), Map.of());
	}

	/**
	 * Create a client that checks the given marketing rules before each send, and each
	 * send with a template whose text it is given against that text (the SMS API has no
	 * template list).
	 * @param api the SMS API product API
	 * @param variablesFormat the parameter that carries template variables
	 * @param rules the marketing templates and their send hours
	 * @param templateChecks how sends are checked against the templates
	 * @param templateTexts the approved text of templates by id, signature included
	 * ({@code 【签名】...})
	 */
	public SmsApiClient(JuheProductApi api, SmsApiVariablesFormat variablesFormat, SmsApiRules rules,
			TemplateChecks templateChecks, Map<Long, String> templateTexts) {
		this(api, variablesFormat, rules, templateChecks.configured(JuheProduct.SMS_API,
				new TemplateFields("tpl_id", parameter(variablesFormat)), knownTemplates(templateTexts)));
	}

	private SmsApiClient(JuheProductApi api, SmsApiVariablesFormat variablesFormat, SmsApiRules rules,
			TemplateCatalog templates) {
		this.api = api;
		this.variablesFormat = variablesFormat;
		this.rules = rules;
		this.templates = templates;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public SmsApiClient forAccount(String account) {
		return new SmsApiClient(this.api.forAccount(account), this.variablesFormat, this.rules, this.templates);
	}

	/**
	 * Send a message ({@code send}). Billed once accepted: up to 70 characters with the
	 * signature is one message, longer is one per 67.
	 * @param request the mobile, template, variables and extension code
	 * @return the message id, and the sent and billed counts
	 */
	public SmsApiResult send(SmsApiRequest request) {
		return send(request, SendOptions.NONE);
	}

	/**
	 * Send a message ({@code send}) with options such as an idempotency key. A marketing
	 * template (see {@link SmsApiRules}) is sent only in the marketing hours.
	 * @param request the mobile, template, variables and extension code
	 * @param options the send options
	 * @return the message id, and the sent and billed counts
	 */
	public SmsApiResult send(SmsApiRequest request, SendOptions options) {
		return send(prepare(request, options));
	}

	/**
	 * Send a message ({@code send}) on the executor of asynchronous sends, as
	 * {@link #sendAsync(SmsApiRequest, SendOptions)} does.
	 * @param request the mobile, template, variables and extension code
	 * @return the message id, and the sent and billed counts, once sent
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the request
	 * breaks a rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<SmsApiResult> sendAsync(SmsApiRequest request) {
		return sendAsync(request, SendOptions.NONE);
	}

	/**
	 * Send a message ({@code send}) on the executor of asynchronous sends. The request is
	 * validated and checked against the templates on the caller's thread before anything
	 * is queued; the limits, idempotency, spend caps and the request run on the executor,
	 * as in {@link #send(SmsApiRequest, SendOptions)}, whose exceptions complete the
	 * future. Cancelling the future before the send starts skips it; cancelling it later
	 * does not take back a request already written. The marketing hours are checked when
	 * the send is made, not when it runs.
	 * @param request the mobile, template, variables and extension code
	 * @param options the send options
	 * @return the message id, and the sent and billed counts, once sent; failed at once
	 * with {@link io.github.juhesms.error.JuheSmsInFlightLimitException} when the
	 * product's maximum of sends in flight is reached
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the request
	 * breaks a rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<SmsApiResult> sendAsync(SmsApiRequest request, SendOptions options) {
		PreparedSend prepared = prepare(request, options);
		return this.api.sendAsync(SEND, () -> send(prepared));
	}

	// Validates and checks the send and builds its call, before anything is queued.
	private PreparedSend prepare(SmsApiRequest request, SendOptions options) {
		JuheForm form = form(request, options);
		CheckedSend checked = this.templates.check(this.api, SEND, options, request.templateId(), request.variables());
		return new PreparedSend(
				JuheCall.send(SEND, form, List.of(request.mobile()), request.templateId(), checked.options())
					.withBilledUnits(checked.unitsPerRecipient(1)),
				checked);
	}

	private SmsApiResult send(PreparedSend prepared) {
		SmsApiResult result = this.api.call(prepared.call(), SmsApiClient::result);
		this.templates.reportedFee(prepared.checked(), 1, 1, result.fee());
		return result;
	}

	/**
	 * What a send would say and cost, without sending: the message with its variables,
	 * its length and the messages Juhe would bill by the documents' rule. The SMS API has
	 * no template list: the template's text must be given in
	 * {@code juhe.sms.sms-api.templates.<id>.text}. Checked as a send is.
	 * @param request the mobile, template, variables and extension code
	 * @return the estimate
	 */
	public SendEstimate estimate(SmsApiRequest request) {
		return estimate(request, SendOptions.NONE);
	}

	/**
	 * What a send with these options would say and cost, without sending.
	 * @param request the mobile, template, variables and extension code
	 * @param options the send options, for the account
	 * @return the estimate
	 * @see #estimate(SmsApiRequest)
	 */
	public SendEstimate estimate(SmsApiRequest request, SendOptions options) {
		form(request, options);
		String account = this.api.chooseAccount(SEND, options);
		return SendEstimate.of(account, this.templates.render(SEND, account, request.templateId(), request.variables()),
				1, 1);
	}

	// Validates the request as the document says, and the marketing hours, before any
	// I/O.
	private JuheForm form(SmsApiRequest request, SendOptions options) {
		JuheValidation.requireArgument(SEND, "request", request);
		JuheValidation.requireArgument(SEND, "options", options);
		boolean json = this.variablesFormat == SmsApiVariablesFormat.VARS;
		String variablesParameter = parameter(this.variablesFormat);
		JuheValidation.requireMainlandMobile(SEND, "mobile", request.mobile());
		JuheValidation.requireTemplateId(SEND, "tpl_id", request.templateId());

		if (request.ext() != null) {
			JuheValidation.requireDigits(SEND, "ext", request.ext(), 1, 9);
		}
		this.rules.check(SEND, request.templateId(), this.api.clock());
		// The document requires one of the two variable parameters, so it is sent even
		// for no variables.
		return new JuheForm().add("mobile", request.mobile())
			.add("tpl_id", request.templateId())
			.addVariables(SEND, variablesParameter, request.variables(),
					json ? VariablesEncoding.JSON : VariablesEncoding.PAIRS)
			.add("ext", request.ext());
	}

	private static String parameter(SmsApiVariablesFormat variablesFormat) {
		return (variablesFormat == SmsApiVariablesFormat.VARS) ? "vars" : "tpl_value";
	}

	// The texts are as approved, signature included, so the message is the text.
	private static List<KnownTemplate> knownTemplates(Map<Long, String> templateTexts) {
		List<KnownTemplate> templates = new ArrayList<>();
		templateTexts.forEach((templateId, text) -> templates
			.add(KnownTemplate.of(templateId, "", text, true, "approved, as configured", Map.of())));
		return templates;
	}

	// Only the sid is required: the document's table lists no result fields, and a
	// success must not be reported as a failure for want of a count.
	private static SmsApiResult result(JuheResult sent) {
		return new SmsApiResult(sent.optionalInt("count"), sent.optionalInt("fee"), sent.requiredText("sid"));
	}

	/**
	 * A send validated and checked, for {@link #send(PreparedSend)}.
	 *
	 * @param call its call
	 * @param checked the template check's result
	 */
	private record PreparedSend(JuheCall call, CheckedSend checked) {

	}

}

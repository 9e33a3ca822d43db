package io.github.juhesms.international;

import java.time.Clock;
import java.util.List;
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
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.template.KnownTemplate;
import io.github.juhesms.template.SendEstimate;
import io.github.juhesms.template.TemplateCatalog;
import io.github.juhesms.template.TemplateCatalog.CheckedSend;
import io.github.juhesms.template.TemplateCatalog.RenderedMessage;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.template.TemplateChecks.TemplateFields;

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

	private static final TemplateFields FIELDS = new TemplateFields("tplId", "tplValue");

	private final JuheProductApi api;

	private final AreaPermissions areaPermissions;

	private final TemplateCatalog templates;

	private final AreaFees areaFees;

	/**
	 * Create a client that sends to every area Juhe reaches, without template checks.
	 * @param api the International SMS product API
	 */
	public InternationalSmsClient(JuheProductApi api) {
		this(api, AreaPermissions.ALL, TemplateChecks.off());
	}

	/**
	 * Create a client that sends only to the areas the permissions allow, each send
	 * checked against the account's templates.
	 * @param api the International SMS product API
	 * @param areaPermissions the areas sends may go to
	 * @param templateChecks how sends are checked against the templates
	 */
	public InternationalSmsClient(JuheProductApi api, AreaPermissions areaPermissions, TemplateChecks templateChecks) {
		this.api = api;
		this.areaPermissions = areaPermissions;
		this.templates = templateChecks.catalog(JuheProduct.INTERNATIONAL, FIELDS,
				(account) -> knownTemplates(api.forAccount(account)));
		this.areaFees = new AreaFees((account) -> areaCodes(api.forAccount(account)), Clock.systemUTC());
	}

	private InternationalSmsClient(JuheProductApi api, AreaPermissions areaPermissions, TemplateCatalog templates,
			AreaFees areaFees) {
		this.api = api;
		this.areaPermissions = areaPermissions;
		this.templates = templates;
		this.areaFees = areaFees;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public InternationalSmsClient forAccount(String account) {
		return new InternationalSmsClient(this.api.forAccount(account), this.areaPermissions, this.templates,
				this.areaFees);
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
		return send(prepare(request, options));
	}

	/**
	 * Send a message ({@code send}) on the executor of asynchronous sends, as
	 * {@link #sendAsync(InternationalSmsRequest, SendOptions)} does.
	 * @param request the area code, number, template and variables
	 * @return the message id and the billed units, once sent
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the request
	 * breaks a rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<InternationalSmsResult> sendAsync(InternationalSmsRequest request) {
		return sendAsync(request, SendOptions.NONE);
	}

	/**
	 * Send a message ({@code send}) on the executor of asynchronous sends. The request is
	 * validated and checked against the templates on the caller's thread before anything
	 * is queued; the limits, idempotency, spend caps and the request run on the executor,
	 * as in {@link #send(InternationalSmsRequest, SendOptions)}, whose exceptions
	 * complete the future. Cancelling the future before the send starts skips it;
	 * cancelling it later does not take back a request already written.
	 * @param request the area code, number, template and variables
	 * @param options the send options
	 * @return the message id and the billed units, once sent; failed at once with
	 * {@link io.github.juhesms.error.JuheSmsInFlightLimitException} when the product's
	 * maximum of sends in flight is reached
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the request
	 * breaks a rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<InternationalSmsResult> sendAsync(InternationalSmsRequest request, SendOptions options) {
		PreparedSend prepared = prepare(request, options);
		return this.api.sendAsync(SEND, () -> send(prepared));
	}

	// Validates and checks the send, before anything is queued.
	private PreparedSend prepare(InternationalSmsRequest request, SendOptions options) {
		JuheForm form = form(request, options);
		return new PreparedSend(request, form,
				this.templates.check(this.api, SEND, options, request.templateId(), request.variables()));
	}

	private InternationalSmsResult send(PreparedSend prepared) {
		InternationalSmsRequest request = prepared.request();
		CheckedSend checked = prepared.checked();
		String account = checked.options().account();
		// The area's fee is looked up for a checked send, whose spend caps then take what
		// Juhe will bill.
		Integer feePerMessage = (account == null) ? null
				: (checked.message() != null) ? this.areaFees.forSend(SEND, account, request.areaCode())
						: this.areaFees.knownFee(account, request.areaCode());
		JuheCall call = JuheCall
			.send(SEND, prepared.form(), List.of(request.areaCode() + request.mobile()), request.templateId(),
					checked.options())
			.withAreaCode(request.areaCode())
			.withBilledUnits(checked.unitsPerRecipient((feePerMessage != null) ? feePerMessage : 1));
		InternationalSmsResult result = this.api.call(call,
				(answer) -> new InternationalSmsResult(answer.requiredText("sid"), answer.optionalInt("fee")));
		this.templates.reportedFee(checked, 1, feePerMessage, result.fee());
		return result;
	}

	/**
	 * What a send would say and cost, without sending: the message with its signature and
	 * variables, its length, and the units Juhe would bill (messages by the documents'
	 * rule times the area's fee). Checked as a send is; fetches the account's template
	 * list and area codes when not yet known.
	 * @param request the area code, number, template and variables
	 * @return the estimate
	 */
	public SendEstimate estimate(InternationalSmsRequest request) {
		return estimate(request, SendOptions.NONE);
	}

	/**
	 * What a send with these options would say and cost, without sending.
	 * @param request the area code, number, template and variables
	 * @param options the send options, for the account
	 * @return the estimate
	 * @see #estimate(InternationalSmsRequest)
	 */
	public SendEstimate estimate(InternationalSmsRequest request, SendOptions options) {
		form(request, options);
		String account = this.api.chooseAccount(SEND, options);
		RenderedMessage message = this.templates.render(SEND, account, request.templateId(), request.variables());
		return SendEstimate.of(account, message, 1, this.areaFees.fee(SEND, account, request.areaCode()));
	}

	// Validates the request as the document says, before any I/O.
	private JuheForm form(InternationalSmsRequest request, SendOptions options) {
		JuheValidation.requireArgument(SEND, "request", request);
		JuheValidation.requireArgument(SEND, "options", options);
		InternationalNumbers.check(SEND, request.areaCode(), request.mobile());
		this.areaPermissions.check(SEND, request.areaCode());
		JuheValidation.requireTemplateId(SEND, "tplId", request.templateId());
		return new JuheForm().add("mobile", request.mobile())
			.add("areaNum", request.areaCode())
			.add("tplId", request.templateId())
			.addVariables(SEND, "tplValue", request.variables(), VariablesEncoding.PAIRS_OMITTED_WHEN_EMPTY);
	}

	/**
	 * List the countries and areas Juhe sends to, with their per-message fees
	 * ({@code areaCode}).
	 * @return the area codes
	 */
	public List<AreaCode> areaCodes() {
		return areaCodes(this.api);
	}

	private static List<AreaCode> areaCodes(JuheProductApi api) {
		return api.call(JuheCall.of(AREA_CODES, new JuheForm()),
				(result) -> result.list(InternationalSmsClient::areaCode));
	}

	/**
	 * List the submitted templates ({@code myTemplates}).
	 * @return the templates
	 */
	public List<InternationalTemplate> myTemplates() {
		return myTemplates(this.api);
	}

	/**
	 * Fetch the account's templates again for the checks before sends, now rather than
	 * when the refresh interval ends; on failure the list fetched before stays in use.
	 * @return the templates the checks now use
	 */
	public List<KnownTemplate> refreshTemplates() {
		return this.templates.refresh(this.api, MY_TEMPLATES);
	}

	/**
	 * Delete a template ({@code deleteTpl}).
	 * @param templateId the template's id
	 */
	public void deleteTemplate(long templateId) {
		JuheValidation.requireTemplateId(DELETE_TEMPLATE, "tplId", templateId);
		JuheCall call = JuheCall.of(DELETE_TEMPLATE, new JuheForm().add("tplId", templateId), List.of(), templateId);
		this.api.call(call, (result) -> null);
		this.templates.forget(this.api, DELETE_TEMPLATE, templateId);
	}

	private static List<InternationalTemplate> myTemplates(JuheProductApi api) {
		return api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()),
				(result) -> result.asObject().list("templates", InternationalSmsClient::template));
	}

	private static List<KnownTemplate> knownTemplates(JuheProductApi api) {
		return myTemplates(api).stream()
			.map((template) -> KnownTemplate.reviewed(template.templateId(), template.signature(), template.content(),
					template.state()))
			.toList();
	}

	private static AreaCode areaCode(JuheResult entry) {
		return new AreaCode(entry.requiredText("cname").strip(), entry.requiredText("ename").strip(),
				entry.requiredText("areanum").strip(), entry.requiredInt("fee"));
	}

	private static InternationalTemplate template(JuheResult entry) {
		return new InternationalTemplate(entry.requiredLong("tplId"), entry.requiredText("tpl"),
				entry.requiredText("tpl_signature"), TemplateReviewState.of(entry.requiredInt("tpl_state")));
	}

	/**
	 * A send validated and checked, for {@link #send(PreparedSend)}.
	 *
	 * @param request the request
	 * @param form its parameters
	 * @param checked the template check's result
	 */
	private record PreparedSend(InternationalSmsRequest request, JuheForm form, CheckedSend checked) {

	}

}

package io.github.juhesms.verificationcode;

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
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.template.KnownTemplate;
import io.github.juhesms.template.SendEstimate;
import io.github.juhesms.template.TemplateCatalog;
import io.github.juhesms.template.TemplateCatalog.CheckedSend;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.template.TemplateChecks.TemplateFields;
import io.github.juhesms.template.VariableRule;

/**
 * Client of Juhe's Verification-code SMS (短信API服务（验证码）): list the ready-made texts,
 * submit a template from one, list the submitted templates, and send a code to a mainland
 * mobile.
 */
public class VerificationCodeSmsClient {

	static final JuheOperation OPTION_TEMPLATES = JuheOperation.query(JuheProduct.VERIFICATION_CODE, "optionTpl",
			"/optionTpl");

	static final JuheOperation SUBMIT_TEMPLATE = JuheOperation.create(JuheProduct.VERIFICATION_CODE, "submitTpl",
			"/submitTpl");

	/** The send operation. */
	public static final JuheOperation SEND = JuheOperation.send(JuheProduct.VERIFICATION_CODE, "send", "/send");

	static final JuheOperation MY_TEMPLATES = JuheOperation.query(JuheProduct.VERIFICATION_CODE, "myTpl", "/myTpl");

	private static final TemplateFields FIELDS = new TemplateFields("tplId", "tplValue");

	private final JuheProductApi api;

	private final TemplateCatalog templates;

	/**
	 * Create a client without template checks.
	 * @param api the Verification-code SMS product API
	 */
	public VerificationCodeSmsClient(JuheProductApi api) {
		this(api, TemplateChecks.off());
	}

	/**
	 * Create a client whose sends are checked against the account's templates and their
	 * variable rules.
	 * @param api the Verification-code SMS product API
	 * @param templateChecks how sends are checked against the templates
	 */
	public VerificationCodeSmsClient(JuheProductApi api, TemplateChecks templateChecks) {
		this.api = api;
		this.templates = templateChecks.catalog(JuheProduct.VERIFICATION_CODE, FIELDS,
				(account) -> knownTemplates(api.forAccount(account)));
	}

	private VerificationCodeSmsClient(JuheProductApi api, TemplateCatalog templates) {
		this.api = api;
		this.templates = templates;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public VerificationCodeSmsClient forAccount(String account) {
		return new VerificationCodeSmsClient(this.api.forAccount(account), this.templates);
	}

	/**
	 * List the ready-made texts a template can be submitted from ({@code optionTpl}).
	 * @return the texts, each with its template code and variable rules
	 */
	public List<OptionTemplate> optionTemplates() {
		return this.api.call(JuheCall.of(OPTION_TEMPLATES, new JuheForm()),
				(result) -> result.list(VerificationCodeSmsClient::optionTemplate));
	}

	/**
	 * Submit a template for review ({@code submitTpl}); Juhe's support approves it.
	 * @param signature the signature, 2-16 Chinese characters, English letters or digits,
	 * e.g. a company or product name
	 * @param templateCode the code of a ready-made text from {@link #optionTemplates()}
	 * ({@code tplcode})
	 * @return the new template's id
	 */
	public SubmittedTemplate submitTemplate(String signature, int templateCode) {
		JuheValidation.requireLength(SUBMIT_TEMPLATE, "signature", signature, 2, 16);
		if (!isSignatureText(signature)) {
			throw new JuheSmsInvalidRequestException(SUBMIT_TEMPLATE, "signature",
					"must contain only Chinese characters, English letters and digits");
		}
		// Only the format is checked: the list of ready-made texts may grow.
		if (templateCode <= 0) {
			throw new JuheSmsInvalidRequestException(SUBMIT_TEMPLATE, "tplcode",
					"must be a positive template code from optionTpl (was " + templateCode + ")");
		}
		JuheForm form = new JuheForm().add("signature", signature).add("tplcode", templateCode);
		return this.api.call(JuheCall.of(SUBMIT_TEMPLATE, form),
				(result) -> new SubmittedTemplate(result.asObject().requiredLong("tplId")));
	}

	/**
	 * Send a verification code ({@code send}). Billed per message: up to 70 characters
	 * with the signature is one, longer is one per 67.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId an approved template's id ({@code tplId})
	 * @param variables the template's variables, names without {@code #}, e.g.
	 * {@code code}; at least one, as the document requires {@code tplValue}
	 * @return the message id
	 */
	public VerificationCodeSmsResult send(String mobile, long templateId, Map<String, String> variables) {
		return send(mobile, templateId, variables, SendOptions.NONE);
	}

	/**
	 * Send a verification code ({@code send}). Billed per message: up to 70 characters
	 * with the signature is one, longer is one per 67.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId an approved template's id ({@code tplId})
	 * @param variables the template's variables, names without {@code #}, e.g.
	 * {@code code}; at least one, as the document requires {@code tplValue}
	 * @param options the send options, such as an idempotency key
	 * @return the message id
	 */
	public VerificationCodeSmsResult send(String mobile, long templateId, Map<String, String> variables,
			SendOptions options) {
		return send(prepare(mobile, templateId, variables, options));
	}

	/**
	 * Send a verification code ({@code send}) on the executor of asynchronous sends, as
	 * {@link #sendAsync(String, long, Map, SendOptions)} does.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId an approved template's id ({@code tplId})
	 * @param variables the template's variables, names without {@code #}
	 * @return the message id, once sent
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the send breaks a
	 * rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<VerificationCodeSmsResult> sendAsync(String mobile, long templateId,
			Map<String, String> variables) {
		return sendAsync(mobile, templateId, variables, SendOptions.NONE);
	}

	/**
	 * Send a verification code ({@code send}) on the executor of asynchronous sends. The
	 * send is validated and checked against the templates on the caller's thread before
	 * anything is queued; the limits, idempotency, spend caps and the request run on the
	 * executor, as in {@link #send(String, long, Map, SendOptions)}, whose exceptions
	 * complete the future. Cancelling the future before the send starts skips it;
	 * cancelling it later does not take back a request already written.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId an approved template's id ({@code tplId})
	 * @param variables the template's variables, names without {@code #}
	 * @param options the send options, such as an idempotency key
	 * @return the message id, once sent; failed at once with
	 * {@link io.github.juhesms.error.JuheSmsInFlightLimitException} when the product's
	 * maximum of sends in flight is reached
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the send breaks a
	 * rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<VerificationCodeSmsResult> sendAsync(String mobile, long templateId,
			Map<String, String> variables, SendOptions options) {
		JuheCall call = prepare(mobile, templateId, variables, options);
		return this.api.sendAsync(SEND, () -> send(call));
	}

	// Validates and checks the send and builds its call, before anything is queued.
	private JuheCall prepare(String mobile, long templateId, Map<String, String> variables, SendOptions options) {
		JuheForm form = form(mobile, templateId, variables, options);
		CheckedSend checked = this.templates.check(this.api, SEND, options, templateId, variables);
		return JuheCall.send(SEND, form, List.of(mobile), templateId, checked.options())
			.withBilledUnits(checked.unitsPerRecipient(1));
	}

	private VerificationCodeSmsResult send(JuheCall call) {
		return this.api.call(call, (result) -> new VerificationCodeSmsResult(result.requiredText("sid")));
	}

	/**
	 * What a send would say and cost, without sending: the message with its signature and
	 * variables, its length, and the messages Juhe would bill by the documents' rule.
	 * Checked as a send is; fetches the account's template list when not yet known.
	 * @param mobile the mainland mobile number
	 * @param templateId the template id
	 * @param variables the template's variables
	 * @param options the send options, for the account
	 * @return the estimate
	 */
	public SendEstimate estimate(String mobile, long templateId, Map<String, String> variables, SendOptions options) {
		form(mobile, templateId, variables, options);
		String account = this.api.chooseAccount(SEND, options);
		return SendEstimate.of(account, this.templates.render(SEND, account, templateId, variables), 1, 1);
	}

	// Validates the send as the document says, before any I/O.
	private static JuheForm form(String mobile, long templateId, Map<String, String> variables, SendOptions options) {
		JuheValidation.requireMainlandMobile(SEND, "mobile", mobile);
		JuheValidation.requireTemplateId(SEND, "tplId", templateId);
		JuheValidation.requireArgument(SEND, "options", options);
		return new JuheForm().add("mobile", mobile)
			.add("tplId", templateId)
			.addVariables(SEND, "tplValue", variables, VariablesEncoding.PAIRS_AT_LEAST_ONE);
	}

	/**
	 * List the submitted templates ({@code myTpl}).
	 * @return the templates, with their review state and validity
	 */
	public List<VerificationCodeTemplate> myTemplates() {
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

	private static List<VerificationCodeTemplate> myTemplates(JuheProductApi api) {
		return api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()),
				(result) -> result.list(VerificationCodeSmsClient::template));
	}

	private static List<KnownTemplate> knownTemplates(JuheProductApi api) {
		return myTemplates(api).stream().map(VerificationCodeSmsClient::known).toList();
	}

	private static KnownTemplate known(VerificationCodeTemplate template) {
		String state = (template.state() != TemplateReviewState.APPROVED) ? "review state " + template.state()
				: (template.isUsable() ? "usable" : "invalid (status 0)");
		return KnownTemplate.of(template.templateId(), template.signature(), template.content(), template.isUsable(),
				state, VariableRule.parse(template.rules()));
	}

	// Chinese characters, English letters and digits: the rule of Juhe's 248601, checked
	// here so a bad signature fails with the field named instead of after a round trip.

	private static boolean isSignatureText(String signature) {
		return signature.codePoints()
			.allMatch((c) -> (c < 128 && Character.isLetterOrDigit(c))
					|| Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static OptionTemplate optionTemplate(JuheResult entry) {
		return new OptionTemplate(entry.requiredInt("tplcode"), entry.requiredText("sms_tpl"),
				entry.requiredText("des"));
	}

	private static VerificationCodeTemplate template(JuheResult entry) {
		return new VerificationCodeTemplate(entry.requiredLong("tplId"), entry.requiredText("signature"),
				entry.requiredText("sms_tpl"), TemplateReviewState.of(entry.requiredInt("tpl_state")),
				entry.requiredInt("status") == 1, entry.requiredText("des"));
	}

}

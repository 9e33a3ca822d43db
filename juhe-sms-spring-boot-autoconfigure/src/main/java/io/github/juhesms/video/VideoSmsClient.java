package io.github.juhesms.video;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheResult;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.template.KnownTemplate;
import io.github.juhesms.template.SendEstimate;
import io.github.juhesms.template.TemplateCatalog;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.template.TemplateChecks.TemplateFields;

/**
 * Client of Juhe's Video SMS (视频短信): send a template to a mainland mobile, and list the
 * templates. Templates are created by Juhe's support from the video, signature and text
 * sent to them.
 */
public class VideoSmsClient {

	static final JuheOperation SEND = JuheOperation.send(JuheProduct.VIDEO, "send", "/send");

	static final JuheOperation MY_TEMPLATES = JuheOperation.query(JuheProduct.VIDEO, "myTpls", "/myTpls");

	private static final DateTimeFormatter CREATED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final TemplateFields FIELDS = new TemplateFields("tplId", "tplId", false);

	private final JuheProductApi api;

	private final VideoRules rules;

	private final TemplateCatalog templates;

	/**
	 * Create a client that keeps the document's rules ({@link VideoRules#DOCUMENTED}),
	 * without template checks.
	 * @param api the Video SMS product API
	 */
	public VideoSmsClient(JuheProductApi api) {
		this(api, VideoRules.DOCUMENTED, TemplateChecks.off());
	}

	/**
	 * Create a client that checks the given rules before each send, and the template
	 * against the account's templates: it must exist and be usable (a video send has no
	 * variables to check).
	 * @param api the Video SMS product API
	 * @param rules the send hours and carrier rule
	 * @param templateChecks how sends are checked against the templates
	 */
	public VideoSmsClient(JuheProductApi api, VideoRules rules, TemplateChecks templateChecks) {
		this.api = api;
		this.rules = rules;
		this.templates = templateChecks.catalog(JuheProduct.VIDEO, FIELDS,
				(account) -> knownTemplates(api.forAccount(account)));
	}

	private VideoSmsClient(JuheProductApi api, VideoRules rules, TemplateCatalog templates) {
		this.api = api;
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
	public VideoSmsClient forAccount(String account) {
		return new VideoSmsClient(this.api.forAccount(account), this.rules, this.templates);
	}

	/**
	 * Send a template ({@code send}). Billed only when accepted; the document says only
	 * China Mobile numbers receive video SMS.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId a usable template's id ({@code tplId})
	 * @return the message id
	 */
	public VideoSmsResult send(String mobile, long templateId) {
		return send(mobile, templateId, SendOptions.NONE);
	}

	/**
	 * Send a template ({@code send}). Billed only when accepted; the document says only
	 * China Mobile numbers receive video SMS, from 09:00 to 18:00 China time, which the
	 * client's {@link VideoRules} check first.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId a usable template's id ({@code tplId})
	 * @param options the send options, such as an idempotency key
	 * @return the message id
	 */
	public VideoSmsResult send(String mobile, long templateId, SendOptions options) {
		return send(prepare(mobile, templateId, options));
	}

	/**
	 * Send a template ({@code send}) on the executor of asynchronous sends, as
	 * {@link #sendAsync(String, long, SendOptions)} does.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId a usable template's id ({@code tplId})
	 * @return the message id, once sent
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the send breaks a
	 * rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<VideoSmsResult> sendAsync(String mobile, long templateId) {
		return sendAsync(mobile, templateId, SendOptions.NONE);
	}

	/**
	 * Send a template ({@code send}) on the executor of asynchronous sends. The send is
	 * validated and checked against the templates on the caller's thread before anything
	 * is queued; the limits, idempotency, spend caps and the request run on the executor,
	 * as in {@link #send(String, long, SendOptions)}, whose exceptions complete the
	 * future. Cancelling the future before the send starts skips it; cancelling it later
	 * does not take back a request already written. The send hours are checked when the
	 * send is made, not when it runs.
	 * @param mobile the mainland mobile number, 11 digits
	 * @param templateId a usable template's id ({@code tplId})
	 * @param options the send options, such as an idempotency key
	 * @return the message id, once sent; failed at once with
	 * {@link io.github.juhesms.error.JuheSmsInFlightLimitException} when the product's
	 * maximum of sends in flight is reached
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the send breaks a
	 * rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<VideoSmsResult> sendAsync(String mobile, long templateId, SendOptions options) {
		JuheCall call = prepare(mobile, templateId, options);
		return this.api.sendAsync(SEND, () -> send(call));
	}

	// Validates and checks the send and builds its call, before anything is queued.
	private JuheCall prepare(String mobile, long templateId, SendOptions options) {
		validate(mobile, templateId, options);
		JuheForm form = new JuheForm().add("tplId", templateId).add("mobile", mobile);
		SendOptions checked = this.templates.check(this.api, SEND, options, templateId, Map.of()).options();
		return JuheCall.send(SEND, form, List.of(mobile), templateId, checked);
	}

	private VideoSmsResult send(JuheCall call) {
		return this.api.call(call, (result) -> new VideoSmsResult(result.requiredText("sid")));
	}

	/**
	 * What a send would say and cost, without sending: the template's text and one billed
	 * message (a video message is billed per message, whatever its length). Checked as a
	 * send is, the send hours and carrier included; fetches the account's template list
	 * when not yet known.
	 * @param mobile the mainland mobile number
	 * @param templateId the template id
	 * @param options the send options, for the account
	 * @return the estimate
	 */
	public SendEstimate estimate(String mobile, long templateId, SendOptions options) {
		validate(mobile, templateId, options);
		String account = this.api.chooseAccount(SEND, options);
		return SendEstimate.perMessage(account, this.templates.render(SEND, account, templateId, Map.of()), 1);
	}

	private void validate(String mobile, long templateId, SendOptions options) {
		JuheValidation.requireMainlandMobile(SEND, "mobile", mobile);
		JuheValidation.requireTemplateId(SEND, "tplId", templateId);
		JuheValidation.requireArgument(SEND, "options", options);
		this.rules.check(SEND, mobile, this.api.clock());
	}

	/**
	 * List the templates ({@code myTpls}).
	 * @return the templates, with whether each can be used
	 */
	public List<VideoTemplate> myTemplates() {
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

	private static List<VideoTemplate> myTemplates(JuheProductApi api) {
		return api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()), (result) -> result.list(VideoSmsClient::template));
	}

	// The content holds the signature, and a video send fills in no variables, so a
	// '#' in the text is not one.
	private static List<KnownTemplate> knownTemplates(JuheProductApi api) {
		return myTemplates(api).stream()
			.map((template) -> new KnownTemplate(template.templateId(), "", template.content(), template.usable(),
					template.usable() ? "usable" : "not usable (tpl_state 0)", Set.of(), Map.of()))
			.toList();
	}

	private static VideoTemplate template(JuheResult entry) {
		return new VideoTemplate(entry.requiredLong("tplId"), entry.requiredText("url"), entry.requiredText("content"),
				entry.requiredInt("tpl_state") == 1, createdAt(entry));
	}

	private static LocalDateTime createdAt(JuheResult entry) {
		String text = entry.requiredText("created_at");
		try {
			return LocalDateTime.parse(text, CREATED_AT);
		}
		catch (DateTimeParseException ex) {
			throw entry.child("created_at")
				.invalid("expected a date and time such as 2021-05-19 18:09:15 but got '" + text + "'");
		}
	}

}

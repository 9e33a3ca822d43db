package io.github.juhesms.financial;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheResult;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.template.KnownTemplate;
import io.github.juhesms.template.SendEstimate;
import io.github.juhesms.template.TemplateCatalog;
import io.github.juhesms.template.TemplateCatalog.CheckedSend;
import io.github.juhesms.template.TemplateCatalog.RenderedMessage;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.template.TemplateChecks.TemplateFields;
import org.jspecify.annotations.Nullable;

/**
 * Client of Juhe's Financial SMS (金融短信): submit and list templates, send to up to 10,000
 * mainland numbers at once, group numbers by carrier, and send each carrier's numbers
 * with that carrier's template.
 */
public class FinancialSmsClient {

	static final JuheOperation SUBMIT_TEMPLATE = JuheOperation.create(JuheProduct.FINANCIAL, "submitTpl",
			"/submitTpl.php");

	static final JuheOperation SEND = JuheOperation.send(JuheProduct.FINANCIAL, "send", "/send.php");

	static final JuheOperation MOBILE_GROUP = JuheOperation.query(JuheProduct.FINANCIAL, "mobileGroup",
			"/mobileGroup.php");

	static final JuheOperation MY_TEMPLATES = JuheOperation.query(JuheProduct.FINANCIAL, "myTemplates",
			"/myTemplates.php");

	/**
	 * Most numbers in one send or one grouping call ({@code mobileGroup} documents
	 * 10,000).
	 */
	public static final int MAX_MOBILES = 10_000;

	private static final List<Carrier> CARRIERS = List.of(Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM,
			Carrier.CHINA_TELECOM);

	private static final TemplateFields FIELDS = new TemplateFields("tplId", "tplValue");

	private final JuheProductApi api;

	private final TemplateCatalog templates;

	private final FinancialCampaignSettings campaigns;

	/**
	 * Create a client without template checks.
	 * @param api the Financial SMS product API
	 */
	public FinancialSmsClient(JuheProductApi api) {
		this(api, TemplateChecks.off(), FinancialCampaignSettings.DEFAULTS);
	}

	/**
	 * Create a client whose sends are checked against the account's templates.
	 * @param api the Financial SMS product API
	 * @param templateChecks how sends are checked against the templates
	 * @param campaigns how campaigns run unless they say otherwise
	 */
	public FinancialSmsClient(JuheProductApi api, TemplateChecks templateChecks, FinancialCampaignSettings campaigns) {
		this.api = api;
		this.templates = templateChecks.catalog(JuheProduct.FINANCIAL, FIELDS,
				(account) -> knownTemplates(api.forAccount(account)));
		this.campaigns = campaigns;
	}

	private FinancialSmsClient(JuheProductApi api, TemplateCatalog templates, FinancialCampaignSettings campaigns) {
		this.api = api;
		this.templates = templates;
		this.campaigns = campaigns;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public FinancialSmsClient forAccount(String account) {
		return new FinancialSmsClient(this.api.forAccount(account), this.templates, this.campaigns);
	}

	/**
	 * Submit a template for review ({@code submitTpl}). Juhe registers it for all
	 * networks and for each carrier, each with its own id.
	 * @param signature the signature, e.g. a company or product name
	 * @param content the content, with variables written {@code #name#}
	 * @return the content as sent, the all-networks template id and each carrier's
	 * template id
	 */
	public SubmittedFinancialTemplate submitTemplate(String signature, String content) {
		JuheValidation.requireTemplateText(SUBMIT_TEMPLATE, signature, content);
		JuheForm form = new JuheForm().add("signature", signature).add("content", content);
		return this.api.call(JuheCall.of(SUBMIT_TEMPLATE, form), FinancialAnswers::submittedTemplate);
	}

	/**
	 * Send a message with one template to up to 10,000 mainland numbers ({@code send}).
	 * Billed per number and message. A number given twice is refused rather than billed
	 * and received twice.
	 * @param request the numbers, template and variables
	 * @return the message id and the billed messages
	 */
	public FinancialSmsResult send(FinancialSmsRequest request) {
		return send(request, SendOptions.NONE);
	}

	/**
	 * Send a message with one template to up to 10,000 mainland numbers ({@code send}),
	 * with options such as an idempotency key. Each number passes the per-number send
	 * limits: numbers over their limit are left out and reported in
	 * {@link FinancialSmsResult#limited()}, the rest are sent. An idempotency key is
	 * claimed together with the numbers' permits (with the starter's Redis stores, one
	 * round trip per 1,000 numbers); a repeat of a succeeded send answers its {@code sid}
	 * and {@code fee} without a request or a permit, and with no number in
	 * {@code limited()}, since the store keeps no numbers.
	 * @param request the numbers, template and variables
	 * @param options the send options
	 * @return the message id, the billed messages and the numbers held back by the limits
	 * @throws JuheSmsSendLimitException if every number is over its limit (nothing is
	 * sent)
	 * @throws io.github.juhesms.error.JuheSmsSpendCapException if a spend cap has no room
	 * for the billed units of every number within its limits (nothing is sent: a batch is
	 * not cut short by a cap)
	 */
	public FinancialSmsResult send(FinancialSmsRequest request, SendOptions options) {
		return send(prepare(request, options));
	}

	/**
	 * Send a message to up to 10,000 mainland numbers ({@code send}) on the executor of
	 * asynchronous sends, as {@link #sendAsync(FinancialSmsRequest, SendOptions)} does.
	 * @param request the numbers, template and variables
	 * @return the message id, the billed messages and the numbers held back by the
	 * limits, once sent
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the request
	 * breaks a rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<FinancialSmsResult> sendAsync(FinancialSmsRequest request) {
		return sendAsync(request, SendOptions.NONE);
	}

	/**
	 * Send a message to up to 10,000 mainland numbers ({@code send}) on the executor of
	 * asynchronous sends. The request is validated and checked against the templates on
	 * the caller's thread before anything is queued; the limits, idempotency, spend caps
	 * and the request run on the executor, as in
	 * {@link #send(FinancialSmsRequest, SendOptions)}, whose exceptions complete the
	 * future. Cancelling the future before the send starts skips it; cancelling it later
	 * does not take back a request already written.
	 * @param request the numbers, template and variables
	 * @param options the send options
	 * @return the message id, the billed messages and the numbers held back by the
	 * limits, once sent; failed at once with
	 * {@link io.github.juhesms.error.JuheSmsInFlightLimitException} when the product's
	 * maximum of sends in flight is reached
	 * @throws io.github.juhesms.error.JuheSmsInvalidRequestException if the request
	 * breaks a rule or fails its template check (nothing is queued)
	 */
	public CompletableFuture<FinancialSmsResult> sendAsync(FinancialSmsRequest request, SendOptions options) {
		PreparedSend prepared = prepare(request, options);
		return this.api.sendAsync(SEND, () -> send(prepared));
	}

	// Validates, encodes and checks the send, before anything is queued.
	private PreparedSend prepare(FinancialSmsRequest request, SendOptions options) {
		List<String> mobiles = validated(request, options);
		JuheForm form = form(mobiles, request);
		return new PreparedSend(request, mobiles, form,
				this.templates.check(this.api, SEND, options, request.templateId(), request.variables()));
	}

	private FinancialSmsResult send(PreparedSend prepared) {
		FinancialSmsRequest request = prepared.request();
		List<String> mobiles = prepared.mobiles();
		CheckedSend checked = prepared.checked();
		JuheCall requested = JuheCall.send(SEND, prepared.form(), mobiles, request.templateId(), checked.options())
			.withBilledUnits(checked.unitsPerRecipient(1));
		return this.api.sendEach(requested, (admitted) -> form(admitted, request), (answer, admission) -> {
			FinancialSmsResult result = new FinancialSmsResult(answer.requiredText("sid"), answer.optionalInt("fee"),
					admission.refused());
			// A replay went to none of its numbers this time: its fee was for the numbers
			// its first send went to, and was checked then.
			if (!admission.admitted().isEmpty()) {
				this.templates.reportedFee(checked, admission.admitted().size(), 1, result.fee());
			}
			return result;
		});
	}

	/**
	 * What a send would say and cost, without sending: the message with its signature and
	 * variables, its length, and the units Juhe would bill (messages by the documents'
	 * rule times the numbers). Checked as a send is; fetches the account's template list
	 * when not yet known.
	 * @param request the numbers, template and variables
	 * @return the estimate
	 */
	public SendEstimate estimate(FinancialSmsRequest request) {
		return estimate(request, SendOptions.NONE);
	}

	/**
	 * What a send with these options would say and cost, without sending.
	 * @param request the numbers, template and variables
	 * @param options the send options, for the account
	 * @return the estimate
	 * @see #estimate(FinancialSmsRequest)
	 */
	public SendEstimate estimate(FinancialSmsRequest request, SendOptions options) {
		List<String> mobiles = validated(request, options);
		String account = this.api.chooseAccount(SEND, options);
		RenderedMessage message = this.templates.render(SEND, account, request.templateId(), request.variables());
		return SendEstimate.of(account, message, mobiles.size(), 1);
	}

	private static List<String> validated(FinancialSmsRequest request, SendOptions options) {
		JuheValidation.requireArgument(SEND, "request", request);
		JuheValidation.requireArgument(SEND, "options", options);
		List<String> mobiles = JuheValidation.requireMainlandMobiles(SEND, "mobile", request.mobiles(), MAX_MOBILES);
		MobileRepeats.refuse(SEND, "mobile", mobiles, "sendByCarrier removes repeats");
		JuheValidation.requireTemplateId(SEND, "tplId", request.templateId());
		JuheValidation.requireVariables(SEND, "tplValue", request.variables());
		return mobiles;
	}

	private static JuheForm form(List<String> mobiles, FinancialSmsRequest request) {
		return new JuheForm().add("mobile", String.join(",", mobiles))
			.add("tplId", request.templateId())
			.addVariables(SEND, "tplValue", request.variables(), VariablesEncoding.PAIRS_OMITTED_WHEN_EMPTY);
	}

	/**
	 * Group up to 10,000 mainland numbers by carrier, by their number ranges
	 * ({@code mobileGroup}).
	 * @param mobiles the numbers
	 * @return the numbers of each carrier, and those of no known carrier
	 */
	public MobileGroups groupByCarrier(List<String> mobiles) {
		JuheValidation.requireMainlandMobiles(MOBILE_GROUP, "mobiles", mobiles, MAX_MOBILES);
		return group(mobiles, FinancialAnswers::mobileGroups);
	}

	/**
	 * List the submitted templates ({@code myTemplates}).
	 * @return the templates, each with its carrier
	 */
	public List<FinancialTemplate> myTemplates() {
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
	 * Send to any number of mainland numbers, each carrier's numbers with that carrier's
	 * template. Repeated numbers are removed (and counted). Every number is first grouped
	 * by carrier ({@code mobileGroup}, 10,000 per call), so a failed grouping call throws
	 * and sends nothing. Then each carrier's numbers are sent ({@code send}, 10,000 per
	 * send) with the carrier's template, else the all-networks one. A failed send does
	 * not stop the others: each send is reported with its receipt or its failure.
	 * <strong>Numbers of no known carrier ({@code unknown}), and any number Juhe left out
	 * of every group, are not sent</strong>: they are reported in
	 * {@link CarrierSendReport#unknownCarrier()}.
	 * @param templates the template of each carrier, or an all-networks template to fall
	 * back on
	 * @param mobiles the numbers
	 * @param variables the template's variables, names without {@code #}; empty for none
	 * @return one entry per send, the numbers not sent and the number of repeats removed
	 * @throws JuheSmsException if the input is invalid or grouping the numbers failed;
	 * nothing was sent then
	 */
	public CarrierSendReport sendByCarrier(CarrierTemplates templates, List<String> mobiles,
			Map<String, String> variables) {
		return sendByCarrier(templates, mobiles, variables, SendOptions.NONE);
	}

	/**
	 * Send to any number of mainland numbers, each carrier's numbers with that carrier's
	 * template, with options. An idempotency key applies to each send of the report on
	 * its own (the key followed by the carrier and the chunk), so repeating the whole
	 * call repeats none of its sends.
	 * @param templates the template of each carrier, or an all-networks template to fall
	 * back on
	 * @param mobiles the numbers
	 * @param variables the template's variables, names without {@code #}; empty for none
	 * @param options the send options
	 * @return one entry per send, the numbers not sent and the number of repeats removed
	 * @see #sendByCarrier(CarrierTemplates, List, Map)
	 */
	public CarrierSendReport sendByCarrier(CarrierTemplates templates, List<String> mobiles,
			Map<String, String> variables, SendOptions options) {
		// Every argument is checked before the grouping calls.
		JuheValidation.requireArgument(SEND, "options", options);
		Map<Carrier, Long> templateIds = CarrierTemplates.resolve(SEND, templates, CARRIERS);
		JuheValidation.requireMainlandMobiles(SEND, "mobile", mobiles, Integer.MAX_VALUE);
		JuheValidation.requireVariables(SEND, "tplValue", variables);
		for (long templateId : new LinkedHashSet<>(templateIds.values())) {
			this.templates.check(this.api, SEND, options, templateId, variables);
		}
		List<String> unique = List.copyOf(new LinkedHashSet<>(mobiles));
		Map<Carrier, List<String>> byCarrier = new EnumMap<>(Carrier.class);
		List<String> unknownCarrier = new ArrayList<>();
		for (List<String> chunk : chunks(unique)) {
			MobileGroups groups = group(chunk, (result) -> FinancialAnswers.reconciledGroups(result, chunk));
			for (Carrier carrier : CARRIERS) {
				byCarrier.computeIfAbsent(carrier, (key) -> new ArrayList<>()).addAll(groups.of(carrier));
			}
			unknownCarrier.addAll(groups.unknown());
		}
		List<CarrierGroupSend> sends = new ArrayList<>();
		for (Carrier carrier : CARRIERS) {
			long templateId = templateIds.get(carrier);
			List<List<String>> chunks = chunks(byCarrier.getOrDefault(carrier, List.of()));
			for (int i = 0; i < chunks.size(); i++) {
				SendOptions groupOptions = (options.idempotencyKey() != null)
						? options.withIdempotencyKey(options.idempotencyKey() + ":" + carrier + ":" + i) : options;
				sends.add(sendGroup(carrier, templateId, chunks.get(i), variables, groupOptions));
			}
		}
		return new CarrierSendReport(sends, unknownCarrier, mobiles.size() - unique.size());
	}

	/**
	 * A campaign: one message to any number of mainland numbers, grouped by carrier and
	 * sent in chunks of 10,000, a few at a time, each chunk's result told as it
	 * completes; see {@link FinancialCampaign}. The templates and variables are checked
	 * here, before any request.
	 * @param templates the template of each carrier, or an all-networks template to fall
	 * back on
	 * @param variables the template's variables, names without {@code #}; empty for none
	 * @return the campaign, to configure and start
	 */
	public FinancialCampaign campaign(CarrierTemplates templates, Map<String, String> variables) {
		Map<Carrier, Long> templateIds = CarrierTemplates.resolve(SEND, templates, CARRIERS);
		JuheValidation.requireVariables(SEND, "tplValue", variables);
		for (long templateId : new LinkedHashSet<>(templateIds.values())) {
			this.templates.check(this.api, SEND, SendOptions.NONE, templateId, variables);
		}
		return new FinancialCampaign(this, templateIds, variables, SendOptions.NONE, this.campaigns.concurrency(),
				this.campaigns.maxNumbers(), (send) -> {
				}, this.api::publish, this.api.meterRegistry());
	}

	// Why a campaign's number cannot be sent, or null.
	static @Nullable String problemWith(@Nullable String mobile) {
		try {
			JuheValidation.requireMainlandMobile(SEND, "mobile", mobile);
			return null;
		}
		catch (JuheSmsInvalidRequestException ex) {
			return ex.getRule();
		}
	}

	// One grouping call, with the numbers Juhe left out of every group as unknown.
	MobileGroups groupByCarrierReconciled(List<String> mobiles) {
		return group(mobiles, (result) -> FinancialAnswers.reconciledGroups(result, mobiles));
	}

	CarrierGroupSend sendGroup(Carrier carrier, long templateId, List<String> mobiles, Map<String, String> variables,
			SendOptions options) {
		try {
			FinancialSmsResult result = send(new FinancialSmsRequest(mobiles, templateId, variables), options);
			return new CarrierGroupSend(carrier, templateId, mobiles, result, null);
		}
		catch (JuheSmsException ex) {
			// Other groups may already be billed: their sids must survive this group's
			// failure.
			return new CarrierGroupSend(carrier, templateId, mobiles, null, ex);
		}
	}

	private MobileGroups group(List<String> mobiles, Function<JuheResult, MobileGroups> mapper) {
		JuheForm form = new JuheForm().add("mobiles", String.join(",", mobiles));
		return this.api.call(JuheCall.of(MOBILE_GROUP, form, mobiles, null), mapper);
	}

	private static List<FinancialTemplate> myTemplates(JuheProductApi api) {
		return api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()),
				(result) -> result.asObject().list("templates", FinancialAnswers::template));
	}

	private static List<KnownTemplate> knownTemplates(JuheProductApi api) {
		return myTemplates(api).stream()
			.map((template) -> KnownTemplate.reviewed(template.templateId(), template.signature(), template.content(),
					template.state()))
			.toList();
	}

	private static List<List<String>> chunks(List<String> mobiles) {
		List<List<String>> chunks = new ArrayList<>();
		for (int from = 0; from < mobiles.size(); from += MAX_MOBILES) {
			chunks.add(mobiles.subList(from, Math.min(from + MAX_MOBILES, mobiles.size())));
		}
		return chunks;
	}

	/**
	 * A send validated and checked, for {@link #send(PreparedSend)}.
	 *
	 * @param request the request
	 * @param mobiles its numbers, validated
	 * @param form its parameters
	 * @param checked the template check's result
	 */
	private record PreparedSend(FinancialSmsRequest request, List<String> mobiles, JuheForm form, CheckedSend checked) {

	}

}

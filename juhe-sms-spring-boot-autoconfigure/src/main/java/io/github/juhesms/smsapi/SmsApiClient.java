package io.github.juhesms.smsapi;

import java.util.List;
import java.util.Map;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheResult;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;

/**
 * Client of Juhe's SMS API (短信API服务): send a template message to a mainland mobile.
 */
public class SmsApiClient {

	/** The send operation. */
	public static final JuheOperation SEND = JuheOperation.send(JuheProduct.SMS_API, "send", "/send");

	private final JuheProductApi api;

	private final SmsApiVariablesFormat variablesFormat;

	private final SmsApiRules rules;

	/**
	 * Create a client that knows no marketing templates ({@link SmsApiRules#NONE}).
	 * @param api the SMS API product API
	 * @param variablesFormat the parameter that carries template variables
	 */
	public SmsApiClient(JuheProductApi api, SmsApiVariablesFormat variablesFormat) {
		this(api, variablesFormat, SmsApiRules.NONE);
	}

	/**
	 * Create a client that checks the given marketing rules before each send.
	 * @param api the SMS API product API
	 * @param variablesFormat the parameter that carries template variables
	 * @param rules the marketing templates and their send hours
	 */
	public SmsApiClient(JuheProductApi api, SmsApiVariablesFormat variablesFormat, SmsApiRules rules) {
		this.api = api;
		this.variablesFormat = variablesFormat;
		this.rules = rules;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public SmsApiClient forAccount(String account) {
		return new SmsApiClient(this.api.forAccount(account), this.variablesFormat, this.rules);
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
		JuheValidation.requireArgument(SEND, "request", request);
		JuheValidation.requireArgument(SEND, "options", options);
		boolean json = this.variablesFormat == SmsApiVariablesFormat.VARS;
		String variablesParameter = json ? "vars" : "tpl_value";
		JuheValidation.requireMainlandMobile(SEND, "mobile", request.mobile());
		JuheValidation.requireTemplateId(SEND, "tpl_id", request.templateId());

		if (request.ext() != null) {
			JuheValidation.requireDigits(SEND, "ext", request.ext(), 1, 9);
		}
		this.rules.check(SEND, request.templateId(), this.api.clock());
		// The document requires one of the two variable parameters, so it is sent even
		// for no variables.
		JuheForm form = new JuheForm().add("mobile", request.mobile())
			.add("tpl_id", request.templateId())
			.addVariables(SEND, variablesParameter, request.variables(),
					json ? VariablesEncoding.JSON : VariablesEncoding.PAIRS)
			.add("ext", request.ext());
		JuheCall call = JuheCall.send(SEND, form, List.of(request.mobile()), request.templateId(), options);
		return this.api.call(call, SmsApiClient::result);
	}

	// Only the sid is required: the document's table lists no result fields, and a
	// success must not be reported as a failure for want of a count.
	private static SmsApiResult result(JuheResult sent) {
		return new SmsApiResult(sent.optionalInt("count"), sent.optionalInt("fee"), sent.requiredText("sid"));
	}

}

package io.github.juhesms.verificationcode;

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
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsInvalidRequestException;

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

	private final JuheProductApi api;

	/**
	 * Create a client.
	 * @param api the Verification-code SMS product API
	 */
	public VerificationCodeSmsClient(JuheProductApi api) {
		this.api = api;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public VerificationCodeSmsClient forAccount(String account) {
		return new VerificationCodeSmsClient(this.api.forAccount(account));
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
		JuheValidation.requireMainlandMobile(SEND, "mobile", mobile);
		JuheValidation.requireTemplateId(SEND, "tplId", templateId);
		JuheValidation.requireArgument(SEND, "options", options);
		JuheForm form = new JuheForm().add("mobile", mobile)
			.add("tplId", templateId)
			.addVariables(SEND, "tplValue", variables, VariablesEncoding.PAIRS_AT_LEAST_ONE);
		JuheCall call = JuheCall.send(SEND, form, List.of(mobile), templateId, options);
		return this.api.call(call, (result) -> new VerificationCodeSmsResult(result.requiredText("sid")));
	}

	/**
	 * List the submitted templates ({@code myTpl}).
	 * @return the templates, with their review state and validity
	 */
	public List<VerificationCodeTemplate> myTemplates() {
		return this.api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()),
				(result) -> result.list(VerificationCodeSmsClient::template));
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

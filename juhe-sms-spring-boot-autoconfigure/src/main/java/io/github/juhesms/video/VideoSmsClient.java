package io.github.juhesms.video;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheResult;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;

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

	private final JuheProductApi api;

	private final VideoRules rules;

	/**
	 * Create a client that keeps the document's rules ({@link VideoRules#DOCUMENTED}).
	 * @param api the Video SMS product API
	 */
	public VideoSmsClient(JuheProductApi api) {
		this(api, VideoRules.DOCUMENTED);
	}

	/**
	 * Create a client that checks the given rules before each send.
	 * @param api the Video SMS product API
	 * @param rules the send hours and carrier rule
	 */
	public VideoSmsClient(JuheProductApi api, VideoRules rules) {
		this.api = api;
		this.rules = rules;
	}

	/**
	 * This client for one account: all its calls, sends and lists alike, use the
	 * account's key, cool-down and retry budget, whatever the application's resolver
	 * says. The account is looked up on each call.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return a client of the account
	 */
	public VideoSmsClient forAccount(String account) {
		return new VideoSmsClient(this.api.forAccount(account), this.rules);
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
		JuheValidation.requireMainlandMobile(SEND, "mobile", mobile);
		JuheValidation.requireTemplateId(SEND, "tplId", templateId);
		JuheValidation.requireArgument(SEND, "options", options);
		this.rules.check(SEND, mobile, this.api.clock());
		JuheForm form = new JuheForm().add("tplId", templateId).add("mobile", mobile);
		JuheCall call = JuheCall.send(SEND, form, List.of(mobile), templateId, options);
		return this.api.call(call, (result) -> new VideoSmsResult(result.requiredText("sid")));
	}

	/**
	 * List the templates ({@code myTpls}).
	 * @return the templates, with whether each can be used
	 */
	public List<VideoTemplate> myTemplates() {
		return this.api.call(JuheCall.of(MY_TEMPLATES, new JuheForm()),
				(result) -> result.list(VideoSmsClient::template));
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

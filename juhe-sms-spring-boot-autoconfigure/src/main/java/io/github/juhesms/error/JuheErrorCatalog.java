package io.github.juhesms.error;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;

import static io.github.juhesms.error.JuheSmsErrorCategory.BUSY;
import static io.github.juhesms.error.JuheSmsErrorCategory.CREDENTIALS;
import static io.github.juhesms.error.JuheSmsErrorCategory.QUOTA;
import static io.github.juhesms.error.JuheSmsErrorCategory.REJECTED;
import static io.github.juhesms.error.JuheSmsErrorCategory.SERVICE_ERROR;
import static io.github.juhesms.error.JuheSmsErrorCategory.SERVICE_UNAVAILABLE;

/**
 * Every {@code error_code} of the five Juhe SMS documents, with the document's text, an
 * English description and a category. Codes are unique across products (they embed the
 * product's data id).
 */
public final class JuheErrorCatalog {

	private static final Map<Integer, JuheErrorCode> CODES = new LinkedHashMap<>();

	static {
		system(10001, "错误的请求KEY", "Wrong request key", CREDENTIALS);
		system(10002, "该KEY无请求权限", "The key has no permission for this API", CREDENTIALS);
		system(10003, "KEY过期", "Key expired", CREDENTIALS);
		system(10004, "错误的OPENID", "Wrong OpenID", CREDENTIALS);
		system(10005, "应用未审核超时，请提交认证", "Application review timed out; submit verification", CREDENTIALS);
		system(10007, "未知的请求源", "Unknown request source", CREDENTIALS);
		system(10008, "被禁止的IP", "IP address banned", CREDENTIALS);
		system(10009, "被禁止的KEY", "Key banned", CREDENTIALS);
		system(10011, "当前IP请求超过限制", "Request limit for this IP exceeded", QUOTA);
		system(10012, "请求超过次数限制", "Request count limit exceeded", QUOTA);
		system(10013, "测试KEY超过请求限制", "Test key request limit exceeded", QUOTA);
		CODES.put(10014,
				new JuheErrorCode(10014, null, "系统内部异常(调用充值类业务时，请务必联系客服或通过订单查询接口检测订单，避免造成损失)",
						"Juhe internal error; for billed operations check the outcome before repeating", SERVICE_ERROR,
						114, true));
		system(10020, "接口维护", "API under maintenance", SERVICE_UNAVAILABLE);
		system(10021, "接口停用", "API stopped", SERVICE_UNAVAILABLE);

		JuheProduct international = JuheProduct.INTERNATIONAL;
		product(international, 235700, "网络繁忙，请稍后重试", "Network busy, retry later", BUSY);
		product(international, 235701, "模板id格式错误", "Malformed template id", REJECTED);
		product(international, 235702, "区号错误", "Wrong area code", REJECTED);
		product(international, 235704, "不存在的模板", "Template does not exist", REJECTED);
		product(international, 235705, "模板还未审核通过", "Template not approved yet", REJECTED);
		product(international, 235706, "发送失败", "Send failed", SERVICE_ERROR);
		product(international, 235707, "此模板已删除", "Template deleted", REJECTED);
		product(international, 235708, "内部错误:通道暂时不可用", "Internal error: channel temporarily unavailable",
				SERVICE_UNAVAILABLE);
		product(international, 235709, "发送内容过长,限制500字以内", "Content too long, 500 characters at most", REJECTED);
		product(international, 235710, "手机号码格式错误", "Malformed mobile number", REJECTED);
		product(international, 235711, "群发次数不足", "Not enough bulk-send quota left", QUOTA);
		product(international, 235712, "系统繁忙,请稍后重试", "System busy, retry later", BUSY);
		product(international, 235713, "国际代码不存在", "Area code does not exist", REJECTED);

		JuheProduct financial = JuheProduct.FINANCIAL;
		// A network fault between Juhe and the carrier may lose the carrier's acceptance:
		// not retried, and a send that got it is reported with an unknown outcome.
		CODES.put(222800, new JuheErrorCode(222800, financial, "网络异常，发送失败", "Network error, send failed", SERVICE_ERROR,
				null, true));
		product(financial, 228801, "模板相关错误", "Template error", REJECTED);
		product(financial, 228802, "相关参数错误,具体看返回", "Parameter error, see the reason", REJECTED);
		product(financial, 228803, "通道故障", "Channel failure", SERVICE_UNAVAILABLE);
		product(financial, 228804, "发送内容过长", "Content too long", REJECTED);
		product(financial, 228805, "剩余次数校验异常", "Remaining quota check failed", QUOTA);
		product(financial, 228806, "运营商发送相关错误", "Carrier send error", SERVICE_ERROR);
		product(financial, 228807, "系统繁忙,请稍后重试", "System busy, retry later", BUSY);

		JuheProduct verification = JuheProduct.VERIFICATION_CODE;
		product(verification, 248601, "模板签名必须为2-16个中英文数字字符",
				"Signature must be 2-16 Chinese, English or digit characters", REJECTED);
		product(verification, 248602, "验证码模板编号格式错误", "Malformed verification template code (tplcode)", REJECTED);
		product(verification, 248603, "模板id格式错误", "Malformed template id", REJECTED);
		product(verification, 248604, "模板不存在", "Template does not exist", REJECTED);
		product(verification, 248605, "模板还未审核通过", "Template not approved yet", REJECTED);
		product(verification, 248606, "此模板已删除", "Template deleted", REJECTED);
		product(verification, 248607, "手机号格式错误", "Malformed mobile number", REJECTED);
		product(verification, 248608, "发送短信变量格式错误，具体看返回内容",
				"Template variables break the template's rules, see the reason", REJECTED);
		product(verification, 248609, "发送内容过长", "Content too long", REJECTED);
		product(verification, 248610, "通道不可用", "Channel unavailable", SERVICE_UNAVAILABLE);
		product(verification, 248611, "模板数量达到上限", "Template count limit reached", QUOTA);
		product(verification, 248612, "您已提交相同内容模板", "A template with the same content was already submitted", REJECTED);

		JuheProduct smsApi = JuheProduct.SMS_API;
		product(smsApi, 205401, "错误的手机号码", "Wrong mobile number", REJECTED);
		product(smsApi, 205402, "错误的短信模板ID", "Wrong template id", REJECTED);
		product(smsApi, 205403, "网络错误,请重试", "Network error, retry", BUSY);
		product(smsApi, 205404, "发送失败,具体原因请参考返回reason", "Send failed, see the reason", SERVICE_ERROR);
		product(smsApi, 205405, "号码异常/同一号码发送次数过于频繁", "Number abnormal or sent to too often", QUOTA);
		product(smsApi, 205406, "不被支持的模板", "Unsupported template", REJECTED);
		product(smsApi, 205407, "批量发送号码超限", "Too many numbers in one batch", REJECTED);
		product(smsApi, 205408, "批量发送库存次数不足", "Not enough batch-send quota left", QUOTA);
		product(smsApi, 205409, "系统繁忙,请稍后重试", "System busy, retry later", BUSY);
		product(smsApi, 205410, "请求方法错误", "Wrong request method", REJECTED);

		JuheProduct video = JuheProduct.VIDEO;
		product(video, 236300, "网络繁忙，请稍后重试", "Network busy, retry later", BUSY);
		product(video, 236301, "模板id格式错误", "Malformed template id", REJECTED);
		product(video, 236302, "不存在的模板", "Template does not exist", REJECTED);
		product(video, 236303, "模板无效", "Template invalid", REJECTED);
		product(video, 236304, "此模板配置异常", "Template misconfigured", REJECTED);
		product(video, 236305, "通道异常", "Channel failure", SERVICE_UNAVAILABLE);
		product(video, 236306, "手机号错误", "Wrong mobile number", REJECTED);
		product(video, 236307, "扩展码格式错误", "Malformed extension code", REJECTED);
		product(video, 236308, "数据异常, 请联系客服", "Data error, contact Juhe support", SERVICE_ERROR);
		product(video, 236309, "渠道错误, 具体看返回", "Channel error, see the reason", SERVICE_ERROR);
	}

	private JuheErrorCatalog() {
	}

	/**
	 * The exception for an error answer. A product's configured busy code is busy
	 * whatever its category; a code the documents do not list is a rejection. Here rather
	 * than in the caller so the exception classes load on the first failure, not during
	 * the application's start-up.
	 * @param operation the operation that was answered
	 * @param code the answer's {@code error_code}
	 * @param reason the answer's {@code reason}
	 * @param busyCodes the product's busy codes
	 * @return the exception to throw
	 */
	public static JuheSmsApiException exception(JuheOperation operation, int code, String reason,
			Set<Integer> busyCodes) {
		if (busyCodes.contains(code)) {
			return new JuheSmsBusyException(operation, code, reason);
		}
		JuheSmsErrorCategory category = find(code).map(JuheErrorCode::category).orElse(REJECTED);
		return switch (category) {
			case BUSY -> new JuheSmsBusyException(operation, code, reason);
			case CREDENTIALS -> new JuheSmsCredentialsException(operation, code, reason);
			case QUOTA -> new JuheSmsQuotaException(operation, code, reason);
			case SERVICE_UNAVAILABLE -> new JuheSmsServiceUnavailableException(operation, code, reason);
			case SERVICE_ERROR -> new JuheSmsServiceErrorException(operation, code, reason);
			default -> new JuheSmsRejectedException(operation, code, reason);
		};
	}

	/**
	 * The exception for a call the starter refused itself while a fail-fast cool-down
	 * runs: the exception of the answer that started it, with no request made.
	 * @param operation the operation refused
	 * @param code the {@code error_code} that started the cool-down
	 * @param reason what to say, with the answer's {@code reason}
	 * @param busyCodes the product's busy codes
	 * @return the exception to throw
	 */
	public static JuheSmsApiException refusal(JuheOperation operation, int code, String reason,
			Set<Integer> busyCodes) {
		JuheSmsApiException refusal = exception(operation, code, reason, busyCodes);
		refusal.refusedLocally();
		return refusal;
	}

	private static void system(int code, String text, String description, JuheSmsErrorCategory category) {
		// The old resultcode of system code 100xx is 1xx.
		CODES.put(code, new JuheErrorCode(code, null, text, description, category, code - 9900, false));
	}

	private static void product(JuheProduct product, int code, String text, String description,
			JuheSmsErrorCategory category) {
		CODES.put(code, new JuheErrorCode(code, product, text, description, category, null, false));
	}

	/**
	 * Look up a documented code.
	 * @param code the error code
	 * @return the documented code, or empty when no document lists it
	 */
	public static Optional<JuheErrorCode> find(int code) {
		return Optional.ofNullable(CODES.get(code));
	}

	/**
	 * Every documented code, system codes first.
	 * @return the codes
	 */
	public static Collection<JuheErrorCode> all() {
		return Collections.unmodifiableCollection(CODES.values());
	}

}

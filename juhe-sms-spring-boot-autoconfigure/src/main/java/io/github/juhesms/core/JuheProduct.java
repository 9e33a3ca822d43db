package io.github.juhesms.core;

/**
 * The five Juhe SMS products, each with its own key, base path and error codes.
 */
public enum JuheProduct {

	/** International SMS (国际短信). */
	INTERNATIONAL("international", "/smsInternational"),

	/** Financial SMS (金融短信). */
	FINANCIAL("financial", "/shortLetter"),

	/** Verification-code SMS (短信API服务（验证码）). */
	VERIFICATION_CODE("verification-code", "/vercodesms"),

	/** The plain SMS API (短信API服务). */
	SMS_API("sms-api", "/sms"),

	/** Video SMS (视频短信). */
	VIDEO("video", "/caixinv2");

	private final String id;

	private final String basePath;

	JuheProduct(String id, String basePath) {
		this.id = id;
		this.basePath = basePath;
	}

	/**
	 * Name used in properties ({@code juhe.sms.<id>.*}), metric tags and logs.
	 * @return the product id, e.g. {@code international}
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Path prefix of the product's endpoints on the Juhe host.
	 * @return the base path, e.g. {@code /smsInternational}
	 */
	public String basePath() {
		return this.basePath;
	}

}

package io.github.juhesms.test.fake;

import java.util.List;
import java.util.Optional;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * Every endpoint of the five Juhe SMS documents, as the fake server serves them. An
 * endpoint is also a {@link FaultTarget}: a fault injected for it hits only its requests.
 */
public enum JuheEndpoint implements FaultTarget {

	/** International SMS: submit a template ({@code /smsInternational/submitTpl}). */
	INTERNATIONAL_SUBMIT_TEMPLATE(JuheProduct.INTERNATIONAL, "/submitTpl"),

	/** International SMS: send ({@code /smsInternational/send}). */
	INTERNATIONAL_SEND(JuheProduct.INTERNATIONAL, "/send"),

	/** International SMS: area codes and fees ({@code /smsInternational/areaCode}). */
	INTERNATIONAL_AREA_CODE(JuheProduct.INTERNATIONAL, "/areaCode"),

	/** International SMS: list templates ({@code /smsInternational/myTemplates}). */
	INTERNATIONAL_MY_TEMPLATES(JuheProduct.INTERNATIONAL, "/myTemplates"),

	/** International SMS: delete a template ({@code /smsInternational/deleteTpl}). */
	INTERNATIONAL_DELETE_TEMPLATE(JuheProduct.INTERNATIONAL, "/deleteTpl"),

	/** Financial SMS: submit a template ({@code /shortLetter/submitTpl.php}). */
	FINANCIAL_SUBMIT_TEMPLATE(JuheProduct.FINANCIAL, "/submitTpl.php"),

	/** Financial SMS: send ({@code /shortLetter/send.php}). */
	FINANCIAL_SEND(JuheProduct.FINANCIAL, "/send.php"),

	/** Financial SMS: group numbers by carrier ({@code /shortLetter/mobileGroup.php}). */
	FINANCIAL_MOBILE_GROUP(JuheProduct.FINANCIAL, "/mobileGroup.php"),

	/** Financial SMS: list templates ({@code /shortLetter/myTemplates.php}). */
	FINANCIAL_MY_TEMPLATES(JuheProduct.FINANCIAL, "/myTemplates.php"),

	/** Verification-code SMS: the ready-made texts ({@code /vercodesms/optionTpl}). */
	VERIFICATION_CODE_OPTION_TEMPLATES(JuheProduct.VERIFICATION_CODE, "/optionTpl"),

	/** Verification-code SMS: submit a template ({@code /vercodesms/submitTpl}). */
	VERIFICATION_CODE_SUBMIT_TEMPLATE(JuheProduct.VERIFICATION_CODE, "/submitTpl"),

	/** Verification-code SMS: send ({@code /vercodesms/send}). */
	VERIFICATION_CODE_SEND(JuheProduct.VERIFICATION_CODE, "/send"),

	/** Verification-code SMS: list templates ({@code /vercodesms/myTpl}). */
	VERIFICATION_CODE_MY_TEMPLATES(JuheProduct.VERIFICATION_CODE, "/myTpl"),

	/** SMS API: send ({@code /sms/send}). */
	SMS_API_SEND(JuheProduct.SMS_API, "/send"),

	/**
	 * Video SMS: send ({@code /caixinv2/send}, also {@code send.php} as in the document's
	 * example).
	 */
	VIDEO_SEND(JuheProduct.VIDEO, "/send", "/send.php"),

	/** Video SMS: list templates ({@code /caixinv2/myTpls}, also {@code myTpls.php}). */
	VIDEO_MY_TEMPLATES(JuheProduct.VIDEO, "/myTpls", "/myTpls.php");

	private final JuheProduct product;

	private final String path;

	private final @Nullable String alias;

	JuheEndpoint(JuheProduct product, String path) {
		this(product, path, null);
	}

	JuheEndpoint(JuheProduct product, String path, @Nullable String alias) {
		this.product = product;
		this.path = path;
		this.alias = alias;
	}

	/**
	 * The product the endpoint belongs to.
	 * @return the product
	 */
	public JuheProduct product() {
		return this.product;
	}

	/**
	 * The path below the host, as in the document.
	 * @return the path, e.g. {@code /smsInternational/send}
	 */
	public String path() {
		return this.product.basePath() + this.path;
	}

	@Override
	public boolean matches(JuheEndpoint endpoint, List<String> mobiles) {
		return endpoint == this;
	}

	/**
	 * The endpoint served at a path.
	 * @param path the request path
	 * @return the endpoint, or empty when no document has the path
	 */
	static Optional<JuheEndpoint> at(String path) {
		for (JuheEndpoint endpoint : values()) {
			if (path.equals(endpoint.path())
					|| (endpoint.alias != null && path.equals(endpoint.product.basePath() + endpoint.alias))) {
				return Optional.of(endpoint);
			}
		}
		return Optional.empty();
	}

}

package io.github.juhesms.test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;

import org.springframework.context.ApplicationContext;

/**
 * One product seen from the outside, for suites that run the same checks against every
 * product: a send and a read-only call through the real bean, the paths they hit, a
 * success answer for each, the product's busy codes and a code that is not busy.
 *
 * @param product the product
 * @param sendPath the path of the send
 * @param send sends one message through the product's bean
 * @param sendSuccess a success answer of the send
 * @param readPath the path of a read-only call
 * @param read makes the read-only call through the product's bean
 * @param readSuccess a success answer of the read-only call
 * @param busyCodes the product's documented busy codes
 * @param rejectedCode a documented code that is not busy
 */
public record ProductFixture(JuheProduct product, String sendPath, Consumer<ApplicationContext> send,
		String sendSuccess, String readPath, Consumer<ApplicationContext> read, String readSuccess,
		List<Integer> busyCodes, int rejectedCode) {

	/** The mainland mobile every fixture sends to. */
	public static final String MOBILE = "13812345678";

	/**
	 * The five products.
	 * @return the fixtures
	 */
	public static List<ProductFixture> all() {
		return List.of(
				new ProductFixture(JuheProduct.INTERNATIONAL, "/smsInternational/send",
						(context) -> context.getBean(InternationalSmsClient.class)
							.send(new InternationalSmsRequest("44", "7911123456", 12, Map.of("code", "1234"))),
						success("{\"sid\":\"s-int\",\"fee\":1}"), "/smsInternational/myTemplates",
						(context) -> context.getBean(InternationalSmsClient.class).myTemplates(),
						success("{\"templates\":[]}"), List.of(235700, 235712), 235710),
				new ProductFixture(JuheProduct.FINANCIAL, "/shortLetter/send.php",
						(context) -> context.getBean(FinancialSmsClient.class)
							.send(new FinancialSmsRequest(List.of(MOBILE), 12, Map.of("code", "1234"))),
						success("{\"sid\":\"s-fin\",\"fee\":1}"), "/shortLetter/myTemplates.php",
						(context) -> context.getBean(FinancialSmsClient.class).myTemplates(),
						success("{\"templates\":[]}"), List.of(228807), 228802),
				new ProductFixture(JuheProduct.VERIFICATION_CODE, "/vercodesms/send",
						(context) -> context.getBean(VerificationCodeSmsClient.class)
							.send(MOBILE, 12, Map.of("code", "1234")),
						success("{\"sid\":\"s-ver\"}"), "/vercodesms/myTpl",
						(context) -> context.getBean(VerificationCodeSmsClient.class).myTemplates(), success("[]"),
						List.of(), 248607),
				new ProductFixture(JuheProduct.SMS_API, "/sms/send",
						(context) -> context.getBean(SmsApiClient.class)
							.send(SmsApiRequest.of(MOBILE, 12, Map.of("code", "1234"))),
						success("{\"count\":1,\"fee\":1,\"sid\":\"s-api\"}"), null, null, null, List.of(205403, 205409),
						205401),
				new ProductFixture(JuheProduct.VIDEO, "/caixinv2/send",
						(context) -> context.getBean(VideoSmsClient.class).send(MOBILE, 12),
						success("{\"sid\":\"s-vid\"}"), "/caixinv2/myTpls",
						(context) -> context.getBean(VideoSmsClient.class).myTemplates(), success("[]"),
						List.of(236300), 236306));
	}

	/**
	 * An envelope with error code 0 and the given result.
	 * @param result the result JSON
	 * @return the envelope JSON
	 */
	public static String success(String result) {
		return "{\"reason\":\"success\",\"result\":" + result + ",\"error_code\":0}";
	}

	/**
	 * An envelope with an error code and no result.
	 * @param code the error code
	 * @return the envelope JSON
	 */
	public static String failure(int code) {
		return "{\"reason\":\"error " + code + "\",\"result\":null,\"error_code\":" + code + "}";
	}

	/**
	 * Whether the product has a read-only call (the SMS API has only a send).
	 * @return {@code true} if {@link #read()} may be used
	 */
	public boolean hasRead() {
		return this.read != null;
	}

	@Override
	public String toString() {
		return this.product.id();
	}

}

package io.github.juhesms.sample;

import io.github.juhesms.codes.SentVerificationCode;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.Masking;
import io.github.juhesms.core.VerificationResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends verification codes and checks them, with the starter's
 * {@link VerificationCodeService}: the codes are generated, sent and kept as a hash by
 * the starter, never by this app.
 */
@RestController
@RequestMapping("/codes")
class CodesController {

	private static final Log logger = LogFactory.getLog(CodesController.class);

	private final ObjectProvider<VerificationCodeService> codes;

	CodesController(ObjectProvider<VerificationCodeService> codes) {
		this.codes = codes;
	}

	@PostMapping("/send")
	SentVerificationCode send(@RequestBody SendCode request) {
		return codes().send(request.purpose(), request.mobile());
	}

	@PostMapping("/verify")
	Verified verify(@RequestBody VerifyCode request) {
		VerificationResult result = codes().verify(request.purpose(), request.mobile(), request.code());
		// The caller learns only yes or no: telling "wrong" from "expired" or "no code"
		// would let anyone probe which numbers have a pending code. The detail is for the
		// operator's log.
		logger.info("Code verification purpose=" + request.purpose() + " mobile=" + Masking.mobile(request.mobile())
				+ " result=" + result);
		return new Verified(result.isVerified());
	}

	private VerificationCodeService codes() {
		return NotConfiguredException.require(this.codes, "Verification codes are not configured: set "
				+ "juhe.sms.codes.template-id (JUHE_SMS_CODES_TEMPLATE_ID) to an approved verification-code template");
	}

	record SendCode(String purpose, String mobile) {

		@Override
		public String toString() {
			return "SendCode[purpose=" + this.purpose + ", mobile=" + Masking.mobile(this.mobile) + "]";
		}

	}

	record VerifyCode(String purpose, String mobile, String code) {

		@Override
		public String toString() {
			return "VerifyCode[purpose=" + this.purpose + ", mobile=" + Masking.mobile(this.mobile) + ", code=****]";
		}

	}

	record Verified(boolean verified) {
	}

}

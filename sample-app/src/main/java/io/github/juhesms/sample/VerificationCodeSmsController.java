package io.github.juhesms.sample;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.Masking;
import io.github.juhesms.verificationcode.OptionTemplate;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsResult;
import io.github.juhesms.verificationcode.VerificationCodeTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a message through the Verification-code SMS product with variables of the
 * caller's choosing, lists its templates and the ready-made texts a template can be
 * submitted from. To send and check generated codes, see {@link CodesController}.
 */
@RestController
@RequestMapping("/sms/verification-code")
class VerificationCodeSmsController {

	private final ObjectProvider<VerificationCodeSmsClient> client;

	VerificationCodeSmsController(ObjectProvider<VerificationCodeSmsClient> client) {
		this.client = client;
	}

	@PostMapping
	VerificationCodeSmsResult send(@RequestBody SendVerificationCode request,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String idempotencyKey) {
		return client().send(request.mobile(), request.templateId(),
				(request.variables() != null) ? request.variables() : Map.of(),
				IdempotencyKeyHeader.sendOptions(idempotencyKey));
	}

	@GetMapping("/templates")
	List<VerificationCodeTemplate> templates() {
		return client().myTemplates();
	}

	@GetMapping("/option-templates")
	List<OptionTemplate> optionTemplates() {
		return client().optionTemplates();
	}

	private VerificationCodeSmsClient client() {
		return NotConfiguredException.requireProduct(this.client, "verification-code");
	}

	record SendVerificationCode(String mobile, long templateId, Map<String, String> variables) {

		@Override
		public String toString() {
			return "SendVerificationCode[mobile=" + Masking.mobile(this.mobile) + ", templateId=" + this.templateId
					+ ", variables=" + ((this.variables != null) ? this.variables.keySet() : null) + "]";
		}

	}

}

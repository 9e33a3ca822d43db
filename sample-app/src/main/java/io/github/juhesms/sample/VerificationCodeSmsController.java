package io.github.juhesms.sample;

import java.util.List;
import java.util.Map;

import io.github.juhesms.verificationcode.OptionTemplate;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a verification code, and lists the ready-made texts a template can be submitted from.
 */
@RestController
@RequestMapping("/sms/verification-code")
class VerificationCodeSmsController {

	private final ObjectProvider<VerificationCodeSmsClient> client;

	VerificationCodeSmsController(ObjectProvider<VerificationCodeSmsClient> client) {
		this.client = client;
	}

	@PostMapping
	VerificationCodeSmsResult send(@RequestBody SendVerificationCode request) {
		return client().send(request.mobile(), request.templateId(),
				(request.variables() != null) ? request.variables() : Map.of());
	}

	@GetMapping("/option-templates")
	List<OptionTemplate> optionTemplates() {
		return client().optionTemplates();
	}

	private VerificationCodeSmsClient client() {
		return ProductNotConfiguredException.require(this.client, "verification-code");
	}

	record SendVerificationCode(String mobile, long templateId, Map<String, String> variables) {
	}

}

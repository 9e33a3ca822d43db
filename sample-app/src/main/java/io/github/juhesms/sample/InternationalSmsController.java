package io.github.juhesms.sample;

import java.util.Map;

import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.international.InternationalSmsResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends an international SMS.
 */
@RestController
@RequestMapping("/sms/international")
class InternationalSmsController {

	private final ObjectProvider<InternationalSmsClient> client;

	InternationalSmsController(ObjectProvider<InternationalSmsClient> client) {
		this.client = client;
	}

	@PostMapping
	InternationalSmsResult send(@RequestBody SendInternational request) {
		return ProductNotConfiguredException.require(this.client, "international")
			.send(new InternationalSmsRequest(request.areaCode(), request.mobile(), request.templateId(),
					(request.variables() != null) ? request.variables() : Map.of()));
	}

	record SendInternational(String areaCode, String mobile, long templateId, Map<String, String> variables) {
	}

}

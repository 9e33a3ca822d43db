package io.github.juhesms.sample;

import java.util.Map;

import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a template message through the SMS API.
 */
@RestController
@RequestMapping("/sms/api")
class SmsApiController {

	private final ObjectProvider<SmsApiClient> client;

	SmsApiController(ObjectProvider<SmsApiClient> client) {
		this.client = client;
	}

	@PostMapping
	SmsApiResult send(@RequestBody SendSmsApi request) {
		return ProductNotConfiguredException.require(this.client, "sms-api")
			.send(new SmsApiRequest(request.mobile(), request.templateId(),
					(request.variables() != null) ? request.variables() : Map.of(), request.ext()));
	}

	record SendSmsApi(String mobile, long templateId, Map<String, String> variables, String ext) {
	}

}

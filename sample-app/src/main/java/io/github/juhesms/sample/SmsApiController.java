package io.github.juhesms.sample;

import java.util.Map;

import io.github.juhesms.core.Masking;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiResult;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a template message through the SMS API. The product has no template list.
 */
@RestController
@RequestMapping("/sms/sms-api")
class SmsApiController {

	private final ObjectProvider<SmsApiClient> client;

	SmsApiController(ObjectProvider<SmsApiClient> client) {
		this.client = client;
	}

	@PostMapping
	SmsApiResult send(@RequestBody SendSmsApi request,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String idempotencyKey) {
		return NotConfiguredException.requireProduct(this.client, "sms-api")
			.send(new SmsApiRequest(request.mobile(), request.templateId(),
					(request.variables() != null) ? request.variables() : Map.of(), request.ext()),
					IdempotencyKeyHeader.sendOptions(idempotencyKey));
	}

	record SendSmsApi(String mobile, long templateId, Map<String, String> variables, String ext) {

		@Override
		public String toString() {
			return "SendSmsApi[mobile=" + Masking.mobile(this.mobile) + ", templateId=" + this.templateId
					+ ", variables=" + ((this.variables != null) ? this.variables.keySet() : null) + ", ext=" + this.ext
					+ "]";
		}

	}

}

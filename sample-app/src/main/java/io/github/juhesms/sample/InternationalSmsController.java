package io.github.juhesms.sample;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.Masking;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.international.InternationalSmsResult;
import io.github.juhesms.international.InternationalTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends an international SMS, and lists the international templates.
 */
@RestController
@RequestMapping("/sms/international")
class InternationalSmsController {

	private final ObjectProvider<InternationalSmsClient> client;

	InternationalSmsController(ObjectProvider<InternationalSmsClient> client) {
		this.client = client;
	}

	@PostMapping
	InternationalSmsResult send(@RequestBody SendInternational request,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String idempotencyKey) {
		return client().send(
				new InternationalSmsRequest(request.areaCode(), request.mobile(), request.templateId(),
						(request.variables() != null) ? request.variables() : Map.of()),
				IdempotencyKeyHeader.sendOptions(idempotencyKey));
	}

	@GetMapping("/templates")
	List<InternationalTemplate> templates() {
		return client().myTemplates();
	}

	private InternationalSmsClient client() {
		return NotConfiguredException.requireProduct(this.client, "international");
	}

	record SendInternational(String areaCode, String mobile, long templateId, Map<String, String> variables) {

		@Override
		public String toString() {
			return "SendInternational[areaCode=" + this.areaCode + ", mobile=" + Masking.mobile(this.mobile)
					+ ", templateId=" + this.templateId + ", variables="
					+ ((this.variables != null) ? this.variables.keySet() : null) + "]";
		}

	}

}

package io.github.juhesms.sample;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.Masking;
import io.github.juhesms.financial.Carrier;
import io.github.juhesms.financial.CarrierGroupSend;
import io.github.juhesms.financial.CarrierSendReport;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.financial.FinancialTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Sends financial SMS to mainland numbers, with one template or each carrier's own, and
 * lists the templates.
 */
@RestController
@RequestMapping("/sms/financial")
class FinancialSmsController {

	private final ObjectProvider<FinancialSmsClient> client;

	private final int maxNumbers;

	FinancialSmsController(ObjectProvider<FinancialSmsClient> client, SampleProperties properties) {
		this.client = client;
		this.maxNumbers = properties.getMaxNumbersPerRequest();
	}

	@PostMapping
	FinancialSmsResult send(@RequestBody SendFinancial request,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String idempotencyKey) {
		requireAtMostMaxNumbers(request.mobiles());
		return client().send(
				new FinancialSmsRequest(request.mobiles(), request.templateId(), orEmpty(request.variables())),
				IdempotencyKeyHeader.sendOptions(idempotencyKey));
	}

	@PostMapping("/by-carrier")
	SentByCarrier sendByCarrier(@RequestBody SendByCarrier request,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String idempotencyKey) {
		requireAtMostMaxNumbers(request.mobiles());
		CarrierSendReport report = client().sendByCarrier(new CarrierTemplates(orEmpty(request.templateIds())),
				request.mobiles(), orEmpty(request.variables()), IdempotencyKeyHeader.sendOptions(idempotencyKey));
		return new SentByCarrier(report.sends().stream().map(GroupSent::of).toList(), report.unknownCarrier(),
				report.duplicatesRemoved(), report.isAllSent());
	}

	@GetMapping("/templates")
	List<FinancialTemplate> templates() {
		return client().myTemplates();
	}

	// One request of the app's may bill at most this many messages, whatever Juhe allows.
	private void requireAtMostMaxNumbers(@Nullable List<String> mobiles) {
		if (mobiles != null && mobiles.size() > this.maxNumbers) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "mobiles: at most " + this.maxNumbers
					+ " numbers per request (sample.max-numbers-per-request), had " + mobiles.size());
		}
	}

	private FinancialSmsClient client() {
		return NotConfiguredException.requireProduct(this.client, "financial");
	}

	private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
		return (map != null) ? map : Map.of();
	}

	private static String masked(List<String> mobiles) {
		return (mobiles != null) ? "[" + Masking.mobiles(mobiles) + "]" : "null";
	}

	record SendFinancial(List<String> mobiles, long templateId, Map<String, String> variables) {

		@Override
		public String toString() {
			return "SendFinancial[mobiles=" + masked(this.mobiles) + ", templateId=" + this.templateId + ", variables="
					+ ((this.variables != null) ? this.variables.keySet() : null) + "]";
		}

	}

	/** Template ids by carrier, e.g. {@code {"ALL": 767, "CHINA_MOBILE": 768}}. */
	record SendByCarrier(List<String> mobiles, Map<Carrier, Long> templateIds, Map<String, String> variables) {

		@Override
		public String toString() {
			return "SendByCarrier[mobiles=" + masked(this.mobiles) + ", templateIds=" + this.templateIds
					+ ", variables=" + ((this.variables != null) ? this.variables.keySet() : null) + "]";
		}

	}

	/**
	 * Numbers of no known carrier were not sent: they are listed in
	 * {@code notSentUnknownCarrier}.
	 */
	record SentByCarrier(List<GroupSent> sends, List<String> notSentUnknownCarrier, int duplicatesRemoved,
			boolean allSent) {
	}

	/**
	 * One send to a carrier's numbers: its sid, or why it failed and whether it may have
	 * gone out anyway.
	 */
	record GroupSent(Carrier carrier, long templateId, List<String> mobiles, String sid, Integer fee, Integer errorCode,
			String error, boolean outcomeUnknown) {

		static GroupSent of(CarrierGroupSend send) {
			FinancialSmsResult result = send.result();
			return (result != null)
					? new GroupSent(send.carrier(), send.templateId(), send.mobiles(), result.sid(), result.fee(), null,
							null, false)
					: new GroupSent(send.carrier(), send.templateId(), send.mobiles(), null, null,
							send.failure().getErrorCode(), send.failure().getMessage(), send.isOutcomeUnknown());
		}

	}

}

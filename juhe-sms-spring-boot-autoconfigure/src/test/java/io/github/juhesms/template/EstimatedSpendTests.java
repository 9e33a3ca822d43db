package io.github.juhesms.template;

import java.util.Map;

import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A checked send takes from its spend caps what its estimate bills: the messages of its
 * text, times the International area's fee, so that a cap counts what Juhe will bill.
 */
class EstimatedSpendTests extends JuheWireMockTests {

	@Test
	void anInternationalSendTakesItsMessagesTimesTheAreasFee() {
		answer("/smsInternational/myTemplates", """
				{"reason":"success","result":{"templates":[
				{"tplId":10000,"tpl":"Hello","tpl_signature":"Acme","tpl_state":3}]},"error_code":0}""");
		answer("/smsInternational/areaCode", "[{\"cname\":\"英国\",\"ename\":\"UK\",\"areanum\":\"44\",\"fee\":3}]");
		answer("/smsInternational/send",
				"{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":3},\"error_code\":0}");
		contextRunner()
			.withPropertyValues("juhe.sms.international.template-check.enabled=true",
					"juhe.sms.international.spend-caps.daily=5")
			.run((context) -> {
				InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
				InternationalSmsRequest request = InternationalSmsRequest.of("44", "7911123456", 10000);
				sms.send(request);
				assertThatExceptionOfType(JuheSmsSpendCapException.class).isThrownBy(() -> sms.send(request))
					.satisfies((refused) -> {
						assertThat(refused.getUsed()).isEqualTo(3);
						assertThat(refused.getUnits()).isEqualTo(3);
					});
				assertThat(requestsTo("/smsInternational/send")).hasSize(1);
				assertThat(requestsTo("/smsInternational/areaCode")).hasSize(1);
			});
	}

	@Test
	void aLongSmsApiMessageTakesEachOfItsMessages() {
		answer("/sms/send",
				"{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":2,\"count\":1},\"error_code\":0}");
		contextRunner()
			.withPropertyValues("juhe.sms.sms-api.templates.31.text=【聚合数据】#note#",
					"juhe.sms.sms-api.spend-caps.daily=3")
			.run((context) -> {
				SmsApiClient sms = context.getBean(SmsApiClient.class);
				// 6 + 65 = 71 characters: 2 messages.
				SmsApiRequest longMessage = SmsApiRequest.of("13800138000", 31, Map.of("note", "字".repeat(65)));
				sms.send(longMessage);
				assertThatExceptionOfType(JuheSmsSpendCapException.class)
					.isThrownBy(() -> sms.send(SmsApiRequest.of("13900139000", 31, Map.of("note", "字".repeat(65)))))
					.satisfies((refused) -> assertThat(refused.getUnits()).isEqualTo(2));
				sms.send(SmsApiRequest.of("13900139000", 31, Map.of("note", "字")));
				assertThat(requestsTo("/sms/send")).hasSize(2);
			});
	}

}

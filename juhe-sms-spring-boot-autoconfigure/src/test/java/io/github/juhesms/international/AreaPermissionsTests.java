package io.github.juhesms.international;

import io.github.juhesms.autoconfigure.JuheSmsProperties;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Destination permissions of International SMS: a send to an area the allow-list leaves
 * out, or the deny-list names, is refused before any HTTP request, naming the area and
 * the property; every other send goes out.
 */
class AreaPermissionsTests extends JuheWireMockTests {

	private static final String SEND = "/smsInternational/send";

	private static final String SENT = "{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":1},\"error_code\":0}";

	@Test
	void everyAreaIsAllowedByDefault() {
		answer(SEND, SENT);
		contextRunner().run((context) -> {
			context.getBean(InternationalSmsClient.class).send(InternationalSmsRequest.of("1649", "2311234", 7));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void anAreaOutsideTheAllowListIsRefusedBeforeAnyRequest() {
		answer(SEND, SENT);
		contextRunner().withPropertyValues("juhe.sms.international.allowed-area-codes=44,1").run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			// 1 allows the USA and Canada, not Turks and Caicos, which Juhe writes 1649.
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("1649", "2311234", 7)))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("areaNum");
					assertThat(refused.getRule())
						.isEqualTo("'1649' is not in juhe.sms.international.allowed-area-codes [1, 44]");
				});
			assertThat(requestsTo(SEND)).isEmpty();

			sms.send(InternationalSmsRequest.of("44", "7911123456", 7));
			sms.send(InternationalSmsRequest.of("1", "2025550123", 7));
			assertThat(requestsTo(SEND)).extracting((request) -> form(request).get("areaNum"))
				.containsExactly("44", "1");
		});
	}

	@Test
	void anAreaOnTheDenyListIsRefusedBeforeAnyRequest() {
		answer(SEND, SENT);
		contextRunner().withPropertyValues("juhe.sms.international.denied-area-codes=234,1649").run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("234", "8031234567", 7)))
				.satisfies((refused) -> assertThat(refused.getRule())
					.isEqualTo("'234' is in juhe.sms.international.denied-area-codes"));
			assertThat(requestsTo(SEND)).isEmpty();

			sms.send(InternationalSmsRequest.of("44", "7911123456", 7));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void theBoundPermissionsAreShownByTheProperties() {
		contextRunner()
			.withPropertyValues("juhe.sms.international.allowed-area-codes=44",
					"juhe.sms.international.denied-area-codes=234")
			.run((context) -> assertThat(context.getBean(JuheSmsProperties.class).getInternational().toString())
				.endsWith(", allowedAreaCodes=[44], deniedAreaCodes=[234]]"));
	}

}

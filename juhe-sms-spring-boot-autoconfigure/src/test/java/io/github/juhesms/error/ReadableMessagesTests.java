package io.github.juhesms.error;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.error.JuheSmsStoreUnavailableException.Store;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Exception messages a tired user can read: Juhe's reason masked wherever it is read,
 * times in whole seconds, and outages naming the operation and the store.
 */
class ReadableMessagesTests extends JuheWireMockTests {

	private static final String MOBILE = "13812345678";

	@Test
	void juhesReasonIsMaskedInTheMessageAndThroughGetReason() {
		answer("/sms/send", "{\"reason\":\"号码13812345678不在白名单\",\"result\":null,\"error_code\":205405}");
		contextRunner().run(
				(context) -> assertThatExceptionOfType(JuheSmsApiException.class)
					.isThrownBy(() -> context.getBean(SmsApiClient.class)
						.send(SmsApiRequest.of(MOBILE, 12, java.util.Map.of("code", "1"))))
					.satisfies((ex) -> {
						assertThat(ex.getReason()).isEqualTo("号码138****5678不在白名单");
						assertThat(ex.getMessage()).contains("号码138****5678不在白名单").doesNotContain(MOBILE);
					}));
	}

	@Test
	void theFailFastMessageGivesItsEndInWholeSecondsUnmasked() {
		answer("/smsInternational/send", "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		contextRunner().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			InternationalSmsRequest request = InternationalSmsRequest.of("44", "7911123456", 12);
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(request));
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(() -> client.send(request))
				.satisfies((ex) -> assertThat(ex.getMessage())
					.containsPattern("failing fast until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ after this answer")
					.doesNotContain("****"));
		});
	}

	@Test
	void aStoreOutageNamesTheOperationAndTheStore() {
		answer("/vercodesms/send", "{\"reason\":\"操作成功\",\"result\":{\"sid\":\"v1\"},\"error_code\":0}");
		answer("/smsInternational/send", "{\"reason\":\"操作成功\",\"result\":{\"sid\":\"s1\"},\"error_code\":0}");
		unreachableRedis().run((context) -> {
			assertThatExceptionOfType(JuheSmsStoreUnavailableException.class)
				.isThrownBy(() -> context.getBean(VerificationCodeService.class).verify("login", MOBILE, "123456"))
				.satisfies((ex) -> {
					assertThat(ex.getStore()).isEqualTo(Store.VERIFICATION_CODES);
					assertThat(ex.getMessage()).startsWith("verification-code.verify: refused, nothing sent: "
							+ "the store of verification codes is unavailable (");
				});
			assertThatExceptionOfType(JuheSmsStoreUnavailableException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class)
					.send(InternationalSmsRequest.of("44", "7911123456", 12)))
				.satisfies((ex) -> {
					assertThat(ex.getStore()).isEqualTo(Store.SEND_LIMITS);
					assertThat(ex.getMessage()).startsWith(
							"international.send: refused, nothing sent: the store of send limits is unavailable (");
				});
		});
		assertThat(requestsTo("/smsInternational/send")).isEmpty();
	}

	// Nothing listens on port 1: every Redis call fails at once.
	private ApplicationContextRunner unreachableRedis() {
		return contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + "s".repeat(32),
					"spring.data.redis.url=redis://127.0.0.1:1", "spring.data.redis.connect-timeout=500ms",
					"spring.data.redis.timeout=500ms", "juhe.sms.limits.enabled=true", "juhe.sms.codes.template-id=21");
	}

}

package io.github.juhesms.video;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.autoconfigure.JuheSmsProperties;
import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.call.SendWindow;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Video SMS document's rules, checked before any HTTP request: China Mobile numbers
 * only, by prefix, and 09:00 to 18:00 China time (the end excluded), read on the clock of
 * the product's calls while the JVM's default zone is another.
 */
class VideoRulesTests extends JuheWireMockTests {

	private static final String SEND = "/caixinv2/send";

	private static final String SENT = "{\"reason\":\"success\",\"result\":{\"sid\":\"v1\"},\"error_code\":0}";

	private static TimeZone jvmZone;

	@BeforeAll
	static void runInAnotherZone() {
		jvmZone = TimeZone.getDefault();
		// Nine hours behind UTC, sixteen behind China: a check on the JVM's zone would
		// see another day's hours.
		TimeZone.setDefault(TimeZone.getTimeZone("America/Anchorage"));
	}

	@AfterAll
	static void restoreZone() {
		TimeZone.setDefault(jvmZone);
	}

	@ParameterizedTest
	@ValueSource(strings = { "13012345678", "18912345678", "13491234567", "17041234567", "19212345678" })
	void aNumberOutsideChinaMobilesPrefixesIsRefusedBeforeAnyRequest(String mobile) {
		answer(SEND, SENT);
		contextRunner().run((context) -> {
			VideoSmsClient sms = context.getBean(VideoSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class).isThrownBy(() -> sms.send(mobile, 65535))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("mobile");
					assertThat(refused.getRule())
						.startsWith(mobile.substring(0, 3) + "****" + mobile.substring(7)
								+ " is not a China Mobile number by juhe.sms.video.china-mobile-prefixes")
						.contains("目前只能发送移动号码")
						.endsWith("juhe.sms.video.china-mobile-only=false leaves the check to Juhe");
					assertThat(refused.getMessage()).doesNotContain(mobile);
				});
			assertThat(requestsTo(SEND)).isEmpty();
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "13481234567", "14812345678", "19712345678", "17051234567" })
	void aChinaMobileNumberGoesOut(String mobile) {
		answer(SEND, SENT);
		contextRunner().run((context) -> {
			assertThat(context.getBean(VideoSmsClient.class).send(mobile, 65535).sid()).isEqualTo("v1");
			assertThat(onlyFormSentTo(SEND)).containsEntry("mobile", mobile);
		});
	}

	@Test
	void theCarrierRuleCanBeTurnedOffOrGivenOtherPrefixes() {
		answer(SEND, SENT);
		contextRunner().withPropertyValues("juhe.sms.video.china-mobile-only=false").run((context) -> {
			context.getBean(VideoSmsClient.class).send("13012345678", 65535);
			assertThat(requestsTo(SEND)).hasSize(1);
		});
		wireMock.resetRequests();
		contextRunner().withPropertyValues("juhe.sms.video.china-mobile-prefixes=130,165").run((context) -> {
			VideoSmsClient sms = context.getBean(VideoSmsClient.class);
			sms.send("13012345678", 65535);
			sms.send("16512345678", 65535);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13812345678", 65535));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@ParameterizedTest(name = "{0} in China: {1}")
	@CsvSource({ "08:59:59, refused", "09:00:00, sent", "12:00:00, sent", "17:59:59, sent", "18:00:00, refused",
			"23:30:00, refused", "00:00:00, refused" })
	void videoIsSentFromNineToSixChinaTimeTheEndExcluded(String time, String outcome) {
		answer(SEND, SENT);
		withClockAt(time).run((context) -> {
			VideoSmsClient sms = context.getBean(VideoSmsClient.class);
			if (outcome.equals("sent")) {
				sms.send("13812345678", 65535);
				assertThat(requestsTo(SEND)).hasSize(1);
				return;
			}
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13812345678", 65535))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("send time");
					assertThat(refused.getRule()).isEqualTo("video SMS (发送时间：早九晚六) is sent only from 09:00 to "
							+ "18:00 China time (Asia/Shanghai, the end excluded; juhe.sms.video.send-window) and it is "
							+ time + " there; juhe.sms.video.send-window.enabled=false turns the rule off");
				});
			assertThat(requestsTo(SEND)).isEmpty();
		});
	}

	@Test
	void theHoursCanBeMovedOrTurnedOff() {
		answer(SEND, SENT);
		withClockAt("19:30:00")
			.withPropertyValues("juhe.sms.video.send-window.start=10:00", "juhe.sms.video.send-window.end=20:00")
			.run((context) -> {
				VideoSmsClient sms = context.getBean(VideoSmsClient.class);
				sms.send("13812345678", 65535);
				assertThat(requestsTo(SEND)).hasSize(1);
				assertThat(context.getBean(JuheSmsProperties.class).getVideo().toString())
					.contains("sendWindow=[enabled=true, start=10:00, end=20:00], chinaMobileOnly=true");
			});
		wireMock.resetRequests();
		withClockAt("03:00:00").withPropertyValues("juhe.sms.video.send-window.enabled=false").run((context) -> {
			context.getBean(VideoSmsClient.class).send("13812345678", 65535);
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@Test
	void aClientMadeWithoutRulesKeepsTheDocumentsOnes() {
		JuheProductApiFactory factory = JuheProductApiFactory
			.builder(new JuheHttpTransport(RestClient.create(wireMock.baseUrl()), 65_536))
			.clock(chinaTime("20:00:00"))
			.build();
		VideoSmsClient sms = new VideoSmsClient(factory.create(JuheProduct.VIDEO, KEY, List.of()));
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> sms.forAccount(JuheSmsAccount.DEFAULT).send("13812345678", 65535));
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> new VideoSmsClient(factory.create(JuheProduct.VIDEO, KEY, List.of()),
					new VideoRules(null, VideoRules.CHINA_MOBILE_PREFIXES), TemplateChecks.off())
				.send("13012345678", 65535));
		assertThat(requestsTo(SEND)).isEmpty();
		assertThat(VideoRules.DOCUMENTED.sendWindow()).isEqualTo(VideoRules.SEND_WINDOW);
	}

	// The starter's context with the clock of the product's calls at a time of day in
	// China: an application's own factory (the starter's backs off) built on that clock.
	private ApplicationContextRunner withClockAt(String time) {
		return contextRunner().withPropertyValues("juhe.sms.video.send-window.enabled=true")
			.withBean(JuheProductApiFactory.class,
					() -> JuheProductApiFactory
						.builder(new JuheHttpTransport(RestClient.create(wireMock.baseUrl()), 65_536))
						.accounts(JuheSmsAccounts.of(JuheSmsAccount.builder(JuheSmsAccount.DEFAULT).key(KEY).build()))
						.clock(chinaTime(time))
						.build());
	}

	private static Clock chinaTime(String time) {
		Instant instant = LocalDateTime.parse("2026-11-27T" + time).atZone(SendWindow.CHINA).toInstant();
		return Clock.fixed(instant, ZoneId.of("America/Anchorage"));
	}

}

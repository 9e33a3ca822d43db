package io.github.juhesms.smsapi;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.autoconfigure.JuheSmsProperties;
import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.call.SendWindow;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.validation.ObjectError;
import org.springframework.web.client.RestClient;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The SMS API's marketing templates ({@code juhe.sms.sms-api.templates.<id>.marketing}):
 * sent only from 08:30 to 21:30 China time (the end excluded), refused before any HTTP
 * request outside it; their configured text must end with 拒收请回复R, else start-up fails.
 */
class MarketingRulesTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final String SENT = success("{\"count\":1,\"fee\":1,\"sid\":\"s1\"}");

	private static final SmsApiRequest MARKETING = SmsApiRequest.of("13812345678", 31, Map.of("name", "张三"));

	private static final SmsApiRequest NOTICE = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));

	@ParameterizedTest(name = "{0} in China: {1}")
	@CsvSource({ "08:29:59, refused", "08:30:00, sent", "21:29:59, sent", "21:30:00, refused", "03:00:00, refused" })
	void aMarketingTemplateIsSentFromHalfPastEightToHalfPastNineChinaTime(String time, String outcome) {
		answer(SEND, SENT);
		withClockAt(time).run((context) -> {
			SmsApiClient sms = context.getBean(SmsApiClient.class);
			if (outcome.equals("sent")) {
				sms.send(MARKETING);
				assertThat(requestsTo(SEND)).hasSize(1);
				return;
			}
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class).isThrownBy(() -> sms.send(MARKETING))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("tpl_id");
					assertThat(refused.getRule()).isEqualTo("marketing template 31 (juhe.sms.sms-api.templates.31."
							+ "marketing; 营销短信发送时间为：8：30至21:30) is sent only from 08:30 to 21:30 China time "
							+ "(Asia/Shanghai, the end excluded; juhe.sms.sms-api.marketing.send-window) and it is "
							+ time + " there; juhe.sms.sms-api.marketing.send-window.enabled=false turns the rule off");
				});
			assertThat(requestsTo(SEND)).isEmpty();
		});
	}

	@Test
	void otherTemplatesGoOutAtAnyHour() {
		answer(SEND, SENT);
		withClockAt("03:00:00").run((context) -> {
			SmsApiClient sms = context.getBean(SmsApiClient.class);
			sms.send(NOTICE);
			sms.send(SmsApiRequest.of("13812345678", 32, Map.of()));
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void theMarketingHoursCanBeMovedOrTurnedOff() {
		answer(SEND, SENT);
		withClockAt("22:00:00")
			.withPropertyValues("juhe.sms.sms-api.marketing.send-window.start=09:00",
					"juhe.sms.sms-api.marketing.send-window.end=23:00")
			.run((context) -> context.getBean(SmsApiClient.class).send(MARKETING));
		withClockAt("03:00:00").withPropertyValues("juhe.sms.sms-api.marketing.send-window.enabled=false")
			.run((context) -> context.getBean(SmsApiClient.class).forAccount(JuheSmsAccount.DEFAULT).send(MARKETING));
		assertThat(requestsTo(SEND)).hasSize(2);
	}

	@Test
	void theTemplatesAreBoundWithTheirTextAndKind() {
		withClockAt("12:00:00").run((context) -> {
			JuheSmsProperties.SmsApi smsApi = context.getBean(JuheSmsProperties.class).getSmsApi();
			assertThat(smsApi.getTemplates()).containsOnlyKeys(31L, 32L, 12L);
			assertThat(smsApi.getTemplates().get(31L).getText()).isEqualTo("【聚合数据】#name#，会员日全场五折，拒收请回复R");
			assertThat(smsApi.getTemplates().get(32L).isMarketing()).isFalse();
			assertThat(smsApi.getTemplates().get(32L).getText()).isNull();
			assertThat(smsApi.getTemplates().get(12L).isMarketing()).isFalse();
			assertThat(smsApi.toRules().marketingTemplates()).containsExactly(31L);
			assertThat(smsApi.toString()).contains("templates={31=[text=【聚合数据】#name#，会员日全场五折，拒收请回复R, "
					+ "marketing=true], 32=[text=null, marketing=false], 12=[text=【聚合数据】您的验证码是#code#, "
					+ "marketing=false]}, marketing=[sendWindow=[enabled=true, start=08:30, end=21:30]]");
		});
	}

	@Test
	void aMarketingTextWithoutTheOptOutEndingFailsStartUpNamingThePropertyAndTheRule() {
		for (String text : new String[] { "【聚合数据】会员日全场五折", "【聚合数据】会员日全场五折，拒收请回复R。", "【聚合数据】拒收请回复R\u3000",
				"【聚合数据】拒收请回复r" }) {
			contextRunner()
				.withPropertyValues("juhe.sms.sms-api.templates.31.text=" + text,
						"juhe.sms.sms-api.templates.31.marketing=true")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(errors(context.getStartupFailure())).singleElement()
						.satisfies((error) -> assertThat(error.getDefaultMessage())
							.isEqualTo("juhe.sms.sms-api.templates.31.text ('" + text + "') must end with 拒收请回复R while "
									+ "juhe.sms.sms-api.templates.31.marketing is true: the SMS API document asks "
									+ "marketing content to end so (营销内容最后加\"拒收请回复R\")"));
				});
		}
		contextRunner().withPropertyValues("juhe.sms.sms-api.templates.31.text=【聚合数据】会员日全场五折")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aTemplateIdBelowOneFailsStartUp() {
		contextRunner().withPropertyValues("juhe.sms.sms-api.templates.0.marketing=true").run((context) -> {
			assertThat(errors(context.getStartupFailure())).singleElement()
				.satisfies((error) -> assertThat(error.getDefaultMessage()).isEqualTo(
						"juhe.sms.sms-api.templates.0 ('0') must be keyed by a template id of Juhe's, at least 1"));
		});
	}

	@Test
	void aClientMadeWithoutRulesKnowsNoMarketingTemplates() {
		assertThat(SmsApiRules.NONE.marketingTemplates()).isEmpty();
		assertThat(SmsApiRules.NONE.marketingWindow()).isEqualTo(SmsApiRules.MARKETING_WINDOW);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SendWindow(LocalTime.of(21, 30), LocalTime.of(8, 30), "x"))
			.withMessage("the end of a send window must be after its start");
	}

	private ApplicationContextRunner withClockAt(String time) {
		LocalDateTime china = LocalDateTime.parse("2026-11-27T" + time);
		Clock clock = Clock.fixed(china.atZone(SendWindow.CHINA).toInstant(), ZoneOffset.UTC);
		return contextRunner()
			.withPropertyValues("juhe.sms.sms-api.templates.31.text=【聚合数据】#name#，会员日全场五折，拒收请回复R",
					"juhe.sms.sms-api.templates.31.marketing=true", "juhe.sms.sms-api.templates.32.marketing=false",
					"juhe.sms.sms-api.templates.12.text=【聚合数据】您的验证码是#code#")
			.withBean(JuheProductApiFactory.class,
					() -> JuheProductApiFactory
						.builder(new JuheHttpTransport(RestClient.create(wireMock.baseUrl()), 65_536))
						.accounts(JuheSmsAccounts.of(JuheSmsAccount.builder(JuheSmsAccount.DEFAULT).key(KEY).build()))
						.clock(clock)
						.build());
	}

	private static List<ObjectError> errors(Throwable failure) {
		Throwable cause = failure;
		while (cause != null) {
			if (cause instanceof BindValidationException bind) {
				return bind.getValidationErrors().getAllErrors();
			}
			cause = cause.getCause();
		}
		throw new AssertionError("no validation errors in " + failure);
	}

}

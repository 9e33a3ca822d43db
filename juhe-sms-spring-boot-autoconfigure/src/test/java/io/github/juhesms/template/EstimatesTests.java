package io.github.juhesms.template;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.MessageLength;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Estimates: the message a send would make with its signature and variables, its length
 * and billed units by the documents' rule (times the area's fee, times the numbers), made
 * without any send request; a message over 500 characters refused before any; and a
 * counter when Juhe bills other than estimated.
 */
class EstimatesTests extends JuheWireMockTests {

	private static final String INTERNATIONAL_SEND = "/smsInternational/send";

	private static final String FINANCIAL_SEND = "/shortLetter/send.php";

	// One approved Financial template: 【银行】您的账单#amount#.
	private static final String FINANCIAL_TEMPLATES = """
			{"reason":"success","result":{"templates":[
			{"tplId":1,"tpl":"您的账单#amount#","tpl_signature":"银行","tpl_state":3,"operation":0}]},"error_code":0}""";

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Override
	protected ApplicationContextRunner contextRunner() {
		// Checks off: an estimate knows the template all the same.
		return super.contextRunner().withBean(MeterRegistry.class, () -> this.meters);
	}

	@Test
	void anInternationalEstimateIsTheMessagesTimesTheAreasFee() {
		answer("/smsInternational/myTemplates",
				"""
						{"reason":"success","result":{"templates":[
						{"tplId":10000,"tpl":"Your order #order# ships","tpl_signature":"Acme","tpl_state":3}]},"error_code":0}""");
		answer("/smsInternational/areaCode", """
				[{"cname":"英国","ename":"United Kingdom","areanum":"44","fee":3},
				{"cname":"美国","ename":"United States","areanum":"1","fee":1}]""");
		contextRunner().run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			SendEstimate estimate = sms
				.estimate(new InternationalSmsRequest("44", "7911123456", 10000, Map.of("order", "A-1")));
			assertThat(estimate.text()).isEqualTo("【Acme】Your order A-1 ships");
			assertThat(estimate.length()).isEqualTo(new MessageLength(26, true, 1));
			assertThat(estimate.feePerMessage()).isEqualTo(3);
			assertThat(estimate.billedUnits()).isEqualTo(3);
			assertThat(estimate.account()).isEqualTo("default");
			String long141 = "x".repeat(141 - "【Acme】Your order  ships".length());
			assertThat(sms.estimate(new InternationalSmsRequest("1", "2025550123", 10000, Map.of("order", long141)))
				.billedUnits()).isEqualTo(2);
			assertThat(requestsTo("/smsInternational/areaCode")).hasSize(1);
			assertThat(requestsTo(INTERNATIONAL_SEND)).isEmpty();
		});
	}

	@Test
	void aFinancialEstimateBillsEachNumberByTheChineseRule() {
		answer("/shortLetter/myTemplates.php", FINANCIAL_TEMPLATES);
		contextRunner().run((context) -> {
			FinancialSmsClient sms = context.getBean(FinancialSmsClient.class);
			List<String> three = List.of("13800138000", "13900139000", "13700137000");
			// 【银行】您的账单 is 8 characters: the amount makes 70, then 71.
			SendEstimate seventy = sms.estimate(new FinancialSmsRequest(three, 1, Map.of("amount", "元".repeat(62))));
			assertThat(seventy.length()).isEqualTo(new MessageLength(70, false, 1));
			assertThat(seventy.billedUnits()).isEqualTo(3);
			SendEstimate seventyOne = sms.estimate(new FinancialSmsRequest(three, 1, Map.of("amount", "元".repeat(63))));
			assertThat(seventyOne.length()).isEqualTo(new MessageLength(71, false, 2));
			assertThat(seventyOne.billedUnits()).isEqualTo(6);
			assertThat(requestsTo(FINANCIAL_SEND)).isEmpty();
		});
	}

	@Test
	void aMessageOver500CharactersIsRefusedBeforeAnyRequest() {
		answer("/vercodesms/myTpl", """
				{"reason":"success","result":[{"tplId":4,"signature":"聚合数据","tpl_state":3,"status":1,
				"sms_tpl":"验证码#code#，#note#","des":"#code#变量仅允许长度为4-8位的数字"}]}""".replace("]}", "],\"error_code\":0}"));
		answer("/vercodesms/send", "{\"reason\":\"success\",\"result\":{\"sid\":\"s1\"},\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.verification-code.template-check.enabled=true").run((context) -> {
			VerificationCodeSmsClient sms = context.getBean(VerificationCodeSmsClient.class);
			// 【聚合数据】验证码123456， is 16 characters.
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13800138000", 4, Map.of("code", "123456", "note", "字".repeat(485))))
				.satisfies((refused) -> assertThat(refused.getRule()).isEqualTo(
						"would make a message of 501 characters with its signature (template 4), more than the 500 "
								+ "Juhe sends"));
			assertThat(requestsTo("/vercodesms/send")).isEmpty();
			sms.send("13800138000", 4, Map.of("code", "123456", "note", "字".repeat(484)));
			assertThat(requestsTo("/vercodesms/send")).hasSize(1);
		});
	}

	@Test
	void smsApiSendsAreCheckedAgainstTheConfiguredTextsOnly() {
		answer("/sms/send",
				"{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":1,\"count\":1},\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.sms-api.templates.31.text=【聚合数据】您的验证码是#code#").run((context) -> {
			SmsApiClient sms = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(SmsApiRequest.of("13800138000", 31, Map.of("cod", "1234"))))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("vars");
					assertThat(refused.getRule())
						.isEqualTo("must be exactly the variables of template 31 [code]; missing [code]; not in the "
								+ "template [cod]");
				});
			assertThat(requestsTo("/sms/send")).isEmpty();
			sms.send(SmsApiRequest.of("13800138000", 31, Map.of("code", "1234")));
			// A template without a configured text goes out unchecked.
			sms.send(SmsApiRequest.of("13800138000", 99, Map.of("anything", "1")));
			assertThat(requestsTo("/sms/send")).hasSize(2);
			SendEstimate estimate = sms.estimate(SmsApiRequest.of("13800138000", 31, Map.of("code", "1234")));
			assertThat(estimate.text()).isEqualTo("【聚合数据】您的验证码是1234");
			assertThat(estimate.billedUnits()).isEqualTo(1);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.estimate(SmsApiRequest.of("13800138000", 99, Map.of())))
				.satisfies((refused) -> assertThat(refused.getRule())
					.isEqualTo("the text of template 99 is not known: give it in juhe.sms.sms-api.templates.99.text to "
							+ "estimate its sends"));
			assertThat(requestsTo("/sms/send")).hasSize(2);
		});
	}

	@Test
	void aVideoMessageIsBilledOnceWhateverItsLength() {
		answer("/caixinv2/myTpls", """
				{"reason":"success","result":[{"tplId":65535,"url":"https://example.com/a.mp4",
				"content":"【聚合数据】%s","tpl_state":1,"created_at":"2021-05-19 18:09:15"}],"error_code":0}"""
			.formatted("新".repeat(600)));
		contextRunner().run((context) -> {
			SendEstimate estimate = context.getBean(VideoSmsClient.class)
				.estimate("13800138000", 65535, SendOptions.NONE);
			assertThat(estimate.length().characters()).isEqualTo(606);
			assertThat(estimate.billedUnits()).isEqualTo(1);
		});
	}

	// The replay answers the first send's fee, for the two numbers it went to: not a
	// mismatch against the three the repeat names.
	@Test
	void aReplayedFinancialBatchCountsNoMismatch() {
		answer("/shortLetter/myTemplates.php", FINANCIAL_TEMPLATES);
		answerInTurn(FINANCIAL_SEND, "{\"reason\":\"success\",\"result\":{\"sid\":\"f1\",\"fee\":1},\"error_code\":0}",
				"{\"reason\":\"success\",\"result\":{\"sid\":\"f2\",\"fee\":2},\"error_code\":0}");
		contextRunner()
			.withPropertyValues("juhe.sms.financial.template-check.enabled=true", "juhe.sms.limits.enabled=true",
					"juhe.sms.limits.rules[0].count=1", "juhe.sms.limits.rules[0].window=1h")
			.run((context) -> {
				FinancialSmsClient sms = context.getBean(FinancialSmsClient.class);
				Map<String, String> amount = Map.of("amount", "12元");
				sms.send(new FinancialSmsRequest(List.of("13800138000"), 1, amount));
				FinancialSmsRequest three = new FinancialSmsRequest(
						List.of("13800138000", "13900139000", "13700137000"), 1, amount);
				SendOptions key = SendOptions.idempotencyKey("bill-1");
				assertThat(sms.send(three, key).limited()).hasSize(1);
				assertThat(sms.send(three, key).sid()).isEqualTo("f2");
				assertThat(requestsTo(FINANCIAL_SEND)).hasSize(2);
				assertThat(this.meters.find(TemplateChecks.FEE_MISMATCHES).counter()).isNull();
			});
	}

	@Test
	void aFeeOtherThanEstimatedIsCounted() {
		answer("/smsInternational/myTemplates", """
				{"reason":"success","result":{"templates":[
				{"tplId":10000,"tpl":"Hello","tpl_signature":"Acme","tpl_state":3}]},"error_code":0}""");
		answer("/smsInternational/areaCode", "[{\"cname\":\"英国\",\"ename\":\"UK\",\"areanum\":\"44\",\"fee\":3}]");
		answerInTurn(INTERNATIONAL_SEND,
				"{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":3},\"error_code\":0}",
				"{\"reason\":\"success\",\"result\":{\"sid\":\"s2\",\"fee\":6},\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.international.template-check.enabled=true").run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			InternationalSmsRequest request = InternationalSmsRequest.of("44", "7911123456", 10000);
			assertThat(sms.estimate(request).billedUnits()).isEqualTo(3);
			sms.send(request);
			assertThat(this.meters.find(TemplateChecks.FEE_MISMATCHES).counter()).isNull();
			sms.send(request);
			assertThat(this.meters.get(TemplateChecks.FEE_MISMATCHES)
				.tag("product", "international")
				.tag("account", "default")
				.counter()
				.count()).isEqualTo(1);
		});
	}

}

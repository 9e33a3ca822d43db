package io.github.juhesms.template;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sends checked against each product's template list before any request: an unknown or
 * unapproved template, missing or unknown variables and values against a
 * verification-code template's rules are refused with the send path counting 0 requests,
 * while the compliant send goes out (count 1), the list fetched once.
 */
class TemplateChecksTests extends JuheWireMockTests {

	private static final String INTERNATIONAL_SEND = "/smsInternational/send";

	private static final String INTERNATIONAL_TEMPLATES = "/smsInternational/myTemplates";

	private static final String INTERNATIONAL_LIST = """
			{"reason":"success","result":{"templates":[
			{"tplId":10000,"tpl":"Your order #order# ships on #date#","tpl_signature":"Acme","tpl_state":3},
			{"tplId":10001,"tpl":"Welcome","tpl_signature":"Acme","tpl_state":2}]},"error_code":0}""";

	private static final String SENT = "{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":1},\"error_code\":0}";

	private static final String CODE_SEND = "/vercodesms/send";

	private static final String CODE_TEMPLATES = "/vercodesms/myTpl";

	// The document's example of a template with two rules, and one that is no longer
	// valid.
	private static final String CODE_LIST = """
			{"reason":"success","result":[
			{"tplId":4,"signature":"聚合数据","tpl_state":3,"status":1,"sms_tpl":"注册验证码:#code#[]有效期#m#分钟",
			"des":"#code#变量仅允许长度为4-8位的数字[]#m#允许1-3位数字"},
			{"tplId":5,"signature":"聚合数据","tpl_state":3,"status":0,"sms_tpl":"您的验证码是#code#",
			"des":"#code#变量仅允许长度为4-8位的数字"}],"error_code":0}""";

	@Override
	protected ApplicationContextRunner contextRunner() {
		return super.contextRunner().withPropertyValues("juhe.sms.international.template-check.enabled=true",
				"juhe.sms.financial.template-check.enabled=true",
				"juhe.sms.verification-code.template-check.enabled=true", "juhe.sms.video.template-check.enabled=true");
	}

	@Test
	void aSendWithTheTemplatesExactVariablesGoesOutAndTheListIsFetchedOnce() {
		answer(INTERNATIONAL_TEMPLATES, INTERNATIONAL_LIST);
		answer(INTERNATIONAL_SEND, SENT);
		contextRunner().run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			Map<String, String> variables = Map.of("order", "A-1", "date", "May 1");
			sms.send(new InternationalSmsRequest("44", "7911123456", 10000, variables));
			sms.send(new InternationalSmsRequest("44", "7911123457", 10000, variables));
			assertThat(requestsTo(INTERNATIONAL_SEND)).hasSize(2);
			assertThat(requestsTo(INTERNATIONAL_TEMPLATES)).hasSize(1);
			assertThat(form(requestsTo(INTERNATIONAL_TEMPLATES).get(0))).containsEntry("key", KEY);
		});
	}

	@Test
	void missingAndUnknownVariablesAreRefusedNamingThem() {
		answer(INTERNATIONAL_TEMPLATES, INTERNATIONAL_LIST);
		answer(INTERNATIONAL_SEND, SENT);
		contextRunner().run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(
						new InternationalSmsRequest("44", "7911123456", 10000, Map.of("order", "A-1", "dat", "May 1"))))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("tplValue");
					assertThat(refused.getRule()).isEqualTo(
							"must be exactly the variables of template 10000 [order, date]; missing [date]; not in the "
									+ "template [dat]");
				});
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(new InternationalSmsRequest("44", "7911123456", 10000, Map.of())))
				.satisfies((refused) -> assertThat(refused.getRule()).endsWith("; missing [order, date]"));
			assertThat(requestsTo(INTERNATIONAL_SEND)).isEmpty();
		});
	}

	@Test
	void anUnknownOrUnapprovedTemplateIsRefused() {
		answer(INTERNATIONAL_TEMPLATES, INTERNATIONAL_LIST);
		answer(INTERNATIONAL_SEND, SENT);
		contextRunner().run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("44", "7911123456", 10001)))
				.satisfies((refused) -> {
					assertThat(refused.getField()).isEqualTo("tplId");
					assertThat(refused.getRule()).isEqualTo(
							"template 10001 of account 'default' cannot be used to send: review state IN_REVIEW");
				});
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("44", "7911123456", 424242)))
				.satisfies((refused) -> assertThat(refused.getRule())
					.startsWith("template 424242 is not among the international templates of account 'default'"));
			assertThat(requestsTo(INTERNATIONAL_SEND)).isEmpty();
			// Within a minute of the last fetch, an unknown id does not fetch the list
			// again.
			assertThat(requestsTo(INTERNATIONAL_TEMPLATES)).hasSize(1);
		});
	}

	@Test
	void aTemplateApprovedSinceIsKnownAfterRefreshTemplates() {
		answerInTurn(INTERNATIONAL_TEMPLATES, INTERNATIONAL_LIST,
				INTERNATIONAL_LIST.replace("\"tpl_state\":2", "\"tpl_state\":3"));
		answer(INTERNATIONAL_SEND, SENT);
		contextRunner().run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("44", "7911123456", 10001)));
			assertThat(sms.refreshTemplates()).extracting(KnownTemplate::templateId).contains(10001L);
			sms.send(InternationalSmsRequest.of("44", "7911123456", 10001));
			assertThat(requestsTo(INTERNATIONAL_SEND)).hasSize(1);
		});
	}

	@Test
	void aDeletedTemplateIsRefusedAtOnce() {
		answer(INTERNATIONAL_TEMPLATES, INTERNATIONAL_LIST);
		answer(INTERNATIONAL_SEND, SENT);
		answer("/smsInternational/deleteTpl", "{\"reason\":\"success\",\"result\":null,\"error_code\":0}");
		contextRunner().run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			Map<String, String> variables = Map.of("order", "A-1", "date", "May 1");
			sms.send(new InternationalSmsRequest("44", "7911123456", 10000, variables));
			sms.deleteTemplate(10000);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(new InternationalSmsRequest("44", "7911123456", 10000, variables)));
			assertThat(requestsTo(INTERNATIONAL_SEND)).hasSize(1);
		});
	}

	@Test
	void verificationCodeValuesMustKeepTheTemplatesRules() {
		answer(CODE_TEMPLATES, CODE_LIST);
		answer(CODE_SEND, "{\"reason\":\"success\",\"result\":{\"sid\":\"s1\"},\"error_code\":0}");
		contextRunner().run((context) -> {
			VerificationCodeSmsClient sms = context.getBean(VerificationCodeSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13800138000", 4, Map.of("code", "123", "m", "5")))
				.satisfies((refused) -> assertThat(refused.getRule()).isEqualTo(
						"variable 'code' of template 4 must be 4-8 digits, as the template's rules (des) say (had 3 "
								+ "characters)"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13800138000", 4, Map.of("code", "12a45", "m", "5")));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13800138000", 4, Map.of("code", "123456", "m", "1000")))
				.satisfies((refused) -> assertThat(refused.getRule())
					.startsWith("variable 'm' of template 4 must be " + "1-3 digits"));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13800138000", 5, Map.of("code", "123456")))
				.satisfies((refused) -> assertThat(refused.getRule())
					.endsWith("cannot be used to send: invalid " + "(status 0)"));
			assertThat(requestsTo(CODE_SEND)).isEmpty();
			sms.send("13800138000", 4, Map.of("code", "12345678", "m", "5"));
			sms.send("13800138000", 4, Map.of("code", "1234", "m", "120"));
			assertThat(requestsTo(CODE_SEND)).hasSize(2);
		});
	}

	@Test
	void financialBatchesAndCarrierSendsAreCheckedBeforeAnyRequest() {
		answer("/shortLetter/myTemplates.php",
				"""
						{"reason":"success","result":{"templates":[
						{"tplId":1,"tpl":"您的账单#amount#元","tpl_signature":"银行","tpl_state":3,"operation":0}]},"error_code":0}""");
		answer("/shortLetter/send.php",
				"{\"reason\":\"success\",\"result\":{\"sid\":\"s1\",\"fee\":1},\"error_code\":0}");
		contextRunner().run((context) -> {
			FinancialSmsClient sms = context.getBean(FinancialSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(new FinancialSmsRequest(List.of("13800138000"), 1, Map.of("amt", "5"))));
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.sendByCarrier(CarrierTemplates.allNetworks(2), List.of("13800138000"), Map.of()));
			assertThat(requestsTo("/shortLetter/send.php")).isEmpty();
			assertThat(requestsTo("/shortLetter/mobileGroup.php")).isEmpty();
			sms.send(new FinancialSmsRequest(List.of("13800138000"), 1, Map.of("amount", "5")));
			assertThat(requestsTo("/shortLetter/send.php")).hasSize(1);
		});
	}

	@Test
	void videoSendsNeedAUsableTemplateAndTakeNoVariables() {
		answer("/caixinv2/myTpls", """
				{"reason":"success","result":[
				{"tplId":65535,"url":"https://example.com/a.mp4","content":"【聚合数据】#新品#上市","tpl_state":1,
				"created_at":"2021-05-19 18:09:15"},
				{"tplId":65536,"url":"https://example.com/b.mp4","content":"【聚合数据】测试","tpl_state":0,
				"created_at":"2021-05-21 10:19:13"}],"error_code":0}""");
		answer("/caixinv2/send", "{\"reason\":\"success\",\"result\":{\"sid\":\"s1\"},\"error_code\":0}");
		contextRunner().run((context) -> {
			VideoSmsClient sms = context.getBean(VideoSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send("13800138000", 65536))
				.satisfies((refused) -> assertThat(refused.getRule()).endsWith("not usable (tpl_state 0)"));
			assertThat(requestsTo("/caixinv2/send")).isEmpty();
			sms.send("13800138000", 65535);
			assertThat(requestsTo("/caixinv2/send")).hasSize(1);
		});
	}

	@Test
	void eachAccountIsCheckedAgainstItsOwnTemplates() {
		wireMock.stubFor(post(urlPathEqualTo(INTERNATIONAL_TEMPLATES)).withFormParam("key", equalTo("acme-key"))
			.willReturn(json("""
					{"reason":"success","result":{"templates":[
					{"tplId":20000,"tpl":"Hello","tpl_signature":"Acme","tpl_state":3}]},"error_code":0}""")));
		wireMock.stubFor(post(urlPathEqualTo(INTERNATIONAL_TEMPLATES)).withFormParam("key", equalTo(KEY))
			.willReturn(json(INTERNATIONAL_LIST)));
		answer(INTERNATIONAL_SEND, SENT);
		contextRunner().withPropertyValues("juhe.sms.accounts.acme.key=acme-key").run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("44", "7911123456", 20000)))
				.satisfies((refused) -> assertThat(refused.getRule()).contains("of account 'default'"));
			sms.send(InternationalSmsRequest.of("44", "7911123456", 20000), SendOptions.account("acme"));
			sms.forAccount("acme").send(InternationalSmsRequest.of("44", "7911123456", 20000));
			assertThat(requestsTo(INTERNATIONAL_SEND)).extracting((request) -> form(request).get("key"))
				.containsExactly("acme-key", "acme-key");
		});
	}

	@Test
	void checksCanBeTurnedOffPerProduct() {
		answer(INTERNATIONAL_SEND, SENT);
		contextRunner().withPropertyValues("juhe.sms.international.template-check.enabled=false").run((context) -> {
			context.getBean(InternationalSmsClient.class).send(InternationalSmsRequest.of("44", "7911123456", 424242));
			assertThat(requestsTo(INTERNATIONAL_SEND)).hasSize(1);
			assertThat(requestsTo(INTERNATIONAL_TEMPLATES)).isEmpty();
		});
	}

}

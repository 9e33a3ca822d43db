package io.github.juhesms.test.fake;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Named accounts over HTTP: their keys, outboxes, request log and templates kept apart,
 * and the builder's guards.
 */
class FakeJuheAccountsTests {

	private static final String MOBILE = "13800138000";

	private final FakeJuheServer juhe = FakeJuheServer.builder().account("acme").account("globex").start();

	private final JuheHttp http = new JuheHttp(this.juhe);

	@AfterEach
	void close() {
		this.juhe.close();
	}

	@Test
	void everyAccountsKeyIsAcceptedAndAnUnknownOneIsNot() {
		assertThat(this.juhe.accounts()).containsExactly("default", "acme", "globex");
		assertThat(this.juhe.key("acme", JuheProduct.SMS_API)).isEqualTo("fake-acme-sms-api-key");
		assertThat(this.juhe.key("default", JuheProduct.SMS_API)).isEqualTo(this.juhe.key(JuheProduct.SMS_API));
		for (String account : this.juhe.accounts()) {
			for (JuheEndpoint endpoint : JuheEndpoint.values()) {
				// areaCode answers a bare array, without error_code.
				assertThat(this.http.post(account, endpoint).path("error_code").asInt(0))
					.as("%s on %s", account, endpoint)
					.isNotEqualTo(10001);
			}
		}
		assertThat(errorCode(this.http.postForm(JuheEndpoint.SMS_API_SEND, Map.of("key", "fake-initech-sms-api-key"))))
			.isEqualTo(10001);
		assertThat(errorCode(
				this.http.postForm(JuheEndpoint.SMS_API_SEND, Map.of("key", this.juhe.key("acme", JuheProduct.VIDEO)))))
			.isEqualTo(10001);
		assertThatIllegalArgumentException().isThrownBy(() -> this.juhe.key("initech", JuheProduct.SMS_API))
			.withMessage("The fake Juhe server has no account named 'initech'; it has [default, acme, globex]");
	}

	@Test
	void aSendLandsInTheOutboxOfTheAccountWhoseKeyItCarried() {
		long acmeTemplate = this.juhe.account("acme").submitTemplate(JuheProduct.SMS_API, "聚合数据", "#code#").id();
		long defaultTemplate = this.juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "#code#").id();

		assertThat(errorCode(send("acme", acmeTemplate))).isZero();
		assertThat(errorCode(send("default", defaultTemplate))).isZero();

		assertThat(this.juhe.outbox("acme")).singleElement()
			.returns("acme", SentMessage::account)
			.returns(acmeTemplate, SentMessage::templateId);
		assertThat(this.juhe.outbox("globex")).isEmpty();
		assertThat(this.juhe.outbox("default")).singleElement().returns("default", SentMessage::account);
		assertThat(this.juhe.outbox()).extracting(SentMessage::account).containsExactly("acme", "default");
		assertThat(this.juhe.account("acme").outbox()).isEqualTo(this.juhe.outbox("acme"));
	}

	@Test
	void everyRequestIsLoggedWithTheAccountWhoseKeyItCarried() {
		this.http.post("globex", JuheEndpoint.VIDEO_MY_TEMPLATES);
		this.http.post("acme", JuheEndpoint.INTERNATIONAL_AREA_CODE);
		this.http.postForm(JuheEndpoint.SMS_API_SEND, Map.of("key", "unknown"));
		// Another product's key is refused, yet it is still acme's key.
		this.http.postForm(JuheEndpoint.SMS_API_SEND, Map.of("key", this.juhe.key("acme", JuheProduct.VIDEO)));
		this.juhe.failNext(JuheEndpoint.FINANCIAL_MY_TEMPLATES, 1, 228805);
		this.http.post("acme", JuheEndpoint.FINANCIAL_MY_TEMPLATES);

		assertThat(this.juhe.requests()).extracting(ReceivedRequest::endpoint, ReceivedRequest::account)
			.containsExactly(tuple(JuheEndpoint.VIDEO_MY_TEMPLATES, "globex"),
					tuple(JuheEndpoint.INTERNATIONAL_AREA_CODE, "acme"), tuple(JuheEndpoint.SMS_API_SEND, null),
					tuple(JuheEndpoint.SMS_API_SEND, "acme"), tuple(JuheEndpoint.FINANCIAL_MY_TEMPLATES, "acme"));
		assertThat(this.juhe.requestCount(JuheEndpoint.SMS_API_SEND)).isEqualTo(2);
		this.juhe.reset();
		assertThat(this.juhe.requests()).isEmpty();
	}

	@Test
	void aTemplateIsListedAndUsedOnlyWithItsAccountsKeys() {
		long templateId = this.http
			.post("acme", JuheEndpoint.INTERNATIONAL_SUBMIT_TEMPLATE, "signature", "聚合数据", "content", "Hi")
			.get("result")
			.get("tplId")
			.asLong();

		assertThat(internationalTemplateIds("acme")).containsExactly(templateId);
		assertThat(internationalTemplateIds("globex")).isEmpty();
		assertThat(internationalTemplateIds("default")).isEmpty();
		assertThat(errorCode(internationalSend("globex", templateId))).isEqualTo(235704);
		assertThat(errorCode(this.http.post("globex", JuheEndpoint.INTERNATIONAL_DELETE_TEMPLATE, "tplId",
				Long.toString(templateId))))
			.isEqualTo(235704);
		assertThat(errorCode(internationalSend("acme", templateId))).isZero();
		assertThat(this.juhe.template(templateId).account()).isEqualTo("acme");
		assertThat(this.juhe.account("acme").templates()).extracting(FakeTemplate::id).contains(templateId);
		assertThat(this.juhe.templates()).extracting(FakeTemplate::id).doesNotContain(templateId);
	}

	@Test
	void aSameVerificationCodeTemplateMayBeSubmittedByEachAccount() {
		this.juhe.account("acme").submitVerificationCodeTemplate("聚合数据", 1001);

		assertThat(errorCode(this.http.post("globex", JuheEndpoint.VERIFICATION_CODE_SUBMIT_TEMPLATE, "signature",
				"聚合数据", "tplcode", "1001")))
			.isZero();
		assertThat(errorCode(this.http.post("acme", JuheEndpoint.VERIFICATION_CODE_SUBMIT_TEMPLATE, "signature", "聚合数据",
				"tplcode", "1001")))
			.isEqualTo(248612);
	}

	@Test
	void eachAccountHasAStandingTemplateThatSurvivesReset() {
		FakeTemplate acme = this.juhe.account("acme").verificationCodeTemplate();
		FakeTemplate globex = this.juhe.account("globex").verificationCodeTemplate();
		FakeTemplate standing = this.juhe.verificationCodeTemplate();
		assertThat(acme.account()).isEqualTo("acme");
		assertThat(acme.signature()).isEqualTo(standing.signature());
		assertThat(acme.templateCode()).isEqualTo(1001);
		assertThat(acme.id()).isNotIn(standing.id(), globex.id());
		assertThat(errorCode(codeSend("globex", acme.id()))).isEqualTo(248604);
		this.juhe.deleteTemplate(acme.id());
		this.juhe.account("acme").submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hi");

		this.juhe.reset();

		assertThat(this.juhe.account("acme").templates()).containsExactly(acme);
		assertThat(this.juhe.account("acme").verificationCodeTemplate()).isEqualTo(acme);
		assertThat(this.juhe.account("globex").templates()).containsExactly(globex);
		assertThat(this.juhe.templates()).containsExactly(standing);
		assertThat(errorCode(codeSend("acme", acme.id()))).isZero();
		assertThat(this.juhe.outbox("acme")).singleElement().returns(acme.id(), SentMessage::templateId);
	}

	@Test
	void propertiesPointEachAccountAtItsKeysAndStandingTemplate() {
		Map<String, String> properties = this.juhe.properties();

		for (String account : Arrays.asList("acme", "globex")) {
			for (JuheProduct product : JuheProduct.values()) {
				assertThat(properties).containsEntry("juhe.sms.accounts." + account + "." + product.id() + ".key",
						this.juhe.key(account, product));
			}
			assertThat(properties).containsEntry("juhe.sms.accounts." + account + ".codes.template-id",
					Long.toString(this.juhe.account(account).verificationCodeTemplate().id()));
		}
		assertThat(properties).containsEntry("juhe.sms.sms-api.key", "fake-sms-api-key")
			.containsEntry("juhe.sms.codes.template-id", Long.toString(this.juhe.verificationCodeTemplate().id()))
			.hasSize(7 + 4 + 2 * 6);
	}

	@Test
	void addingAnAccountTwiceKeepsTheFirst() {
		FakeTemplate acme = this.juhe.account("acme").verificationCodeTemplate();

		this.juhe.addAccounts(Arrays.asList("acme", "initech", "initech"));

		assertThat(this.juhe.accounts()).containsExactly("default", "acme", "globex", "initech");
		assertThat(this.juhe.account("acme").verificationCodeTemplate()).isEqualTo(acme);
		assertThat(this.juhe.key("initech", JuheProduct.VIDEO)).isEqualTo("fake-initech-video-key");
		assertThatIllegalArgumentException().isThrownBy(() -> this.juhe.addAccounts(Arrays.asList("default")));
	}

	@Test
	void builderRefusesNamesTheStarterWouldNotBind() {
		String rule = "An account name must be 1-64 letters, digits, '_' or '-', starting with a letter or digit";
		for (String name : Arrays.asList("", "-acme", "_acme", "ac me", "acme.eu", "ä", "a".repeat(65))) {
			assertThatIllegalArgumentException().as(name)
				.isThrownBy(() -> FakeJuheServer.builder().account(name))
				.withMessage(rule + ", was '" + name + "'");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> FakeJuheServer.builder().account("default"))
			.withMessage("The account name 'default' is reserved for the account of juhe.sms.<product>.key");
		assertThatIllegalArgumentException().isThrownBy(() -> FakeJuheServer.builder().account("acme").account("acme"))
			.withMessage("The fake Juhe server already has an account named 'acme'");
		FakeJuheServer.builder().account("a").account("9_x-Y").account("b".repeat(64));
	}

	@Test
	void builderRefusesAKeySharedByTwoAccounts() {
		FakeJuheServer.Builder builder = FakeJuheServer.builder()
			.key(JuheProduct.SMS_API, "fake-acme-video-key")
			.account("acme");

		assertThatIllegalArgumentException().isThrownBy(builder::start)
			.withMessage("Accounts 'default' and 'acme' must not share the key fake-acme-video-key");
	}

	private JsonNode send(String account, long templateId) {
		return this.http.post(account, JuheEndpoint.SMS_API_SEND, "mobile", MOBILE, "tpl_id", Long.toString(templateId),
				"vars", "{\"code\":\"1234\"}");
	}

	private JsonNode internationalSend(String account, long templateId) {
		return this.http.post(account, JuheEndpoint.INTERNATIONAL_SEND, "tplId", Long.toString(templateId), "areaNum",
				"44", "mobile", "7700900123");
	}

	private JsonNode codeSend(String account, long templateId) {
		return this.http.post(account, JuheEndpoint.VERIFICATION_CODE_SEND, "mobile", MOBILE, "tplId",
				Long.toString(templateId), "tplValue", "#code#=1234");
	}

	private List<Long> internationalTemplateIds(String account) {
		return this.http.post(account, JuheEndpoint.INTERNATIONAL_MY_TEMPLATES)
			.get("result")
			.get("templates")
			.valueStream()
			.map((template) -> template.get("tplId").asLong())
			.toList();
	}

	private static int errorCode(JsonNode answer) {
		return answer.get("error_code").asInt();
	}

}

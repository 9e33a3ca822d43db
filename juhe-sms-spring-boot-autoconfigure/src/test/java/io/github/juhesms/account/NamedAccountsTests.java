package io.github.juhesms.account;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two named accounts beside the default one, through one injected client: each call
 * carries the key of the account it chose, per call, by client view or by the
 * application's resolver, in the documented order.
 */
class NamedAccountsTests extends JuheWireMockTests {

	static final String ACME_KEY = "acme-key-0123456789abcdef";

	static final String GLOBEX_KEY = "globex-key-0123456789abcdef";

	static final String GLOBEX_SMS_API_KEY = "globex-sms-api-key-0123456789";

	private static final String SEND = "/sms/send";

	private static final String TEMPLATES = "/smsInternational/myTemplates";

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));

	static ApplicationContextRunner withAccounts(ApplicationContextRunner runner) {
		return runner.withPropertyValues("juhe.sms.accounts.acme.key=" + ACME_KEY,
				"juhe.sms.accounts.globex.key=" + GLOBEX_KEY,
				"juhe.sms.accounts.globex.sms-api.key=" + GLOBEX_SMS_API_KEY);
	}

	@Test
	void eachSendCarriesTheKeyOfTheAccountItChoseAndTheRestTheDefaultKey() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		withAccounts(contextRunner()).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(REQUEST);
			client.send(REQUEST, SendOptions.account("acme"));
			client.send(REQUEST, SendOptions.account("globex"));
			client.send(REQUEST, SendOptions.account("default"));
			client.forAccount("acme").send(REQUEST);
			client.send(REQUEST, SendOptions.idempotencyKey("order-1").withAccount("acme"));
		});
		assertThat(keysSentTo(SEND)).containsExactly(KEY, ACME_KEY, GLOBEX_SMS_API_KEY, KEY, ACME_KEY, ACME_KEY);
	}

	@Test
	void readOnlyCallsChooseTheirAccountThroughAClientView() {
		answer(TEMPLATES, success("{\"templates\":[]}"));
		withAccounts(contextRunner()).run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			client.myTemplates();
			client.forAccount("globex").myTemplates();
			client.forAccount("acme").myTemplates();
			client.forAccount("default").myTemplates();
		});
		// globex has a key of its own for the SMS API only: International uses its
		// shared key.
		assertThat(keysSentTo(TEMPLATES)).containsExactly(KEY, GLOBEX_KEY, ACME_KEY, KEY);
	}

	@Test
	void theCallsChoiceComesFirstThenTheResolverThenTheDefault() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		ThreadLocal<String> tenant = new ThreadLocal<>();
		withAccounts(contextRunner()).withBean(JuheSmsAccountResolver.class, () -> tenant::get).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(REQUEST);
			tenant.set("acme");
			client.send(REQUEST);
			client.send(REQUEST, SendOptions.account("globex"));
			client.forAccount("default").send(REQUEST);
			client.send(REQUEST, SendOptions.account("default"));
			tenant.remove();
		});
		assertThat(keysSentTo(SEND)).containsExactly(KEY, ACME_KEY, GLOBEX_SMS_API_KEY, KEY, KEY);
	}

	@Test
	void anUnknownAccountIsRefusedBeforeAnyRequestNamingItAndTheProduct() {
		withAccounts(contextRunner()).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(REQUEST, SendOptions.account("initech")))
				.satisfies((ex) -> {
					assertThat(ex.getField()).isEqualTo("account");
					assertThat(ex.getProduct().id()).isEqualTo("sms-api");
					assertThat(ex.getMessage()).contains("'initech' is no account: not in juhe.sms.accounts");
				});
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> context.getBean(InternationalSmsClient.class).forAccount("initech").myTemplates())
				.satisfies((ex) -> assertThat(ex.getProduct().id()).isEqualTo("international"));
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void anAccountWithoutAKeyForTheProductIsRefusedSayingWhichPropertyToSet() {
		contextRunner().withPropertyValues("juhe.sms.accounts.acme.sms-api.key=" + ACME_KEY).run((context) -> {
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> context.getBean(VideoSmsClient.class).forAccount("acme").send("13812345678", 5))
				.withMessageContaining("account 'acme' has no key for video: set juhe.sms.accounts.acme.video.key "
						+ "or juhe.sms.accounts.acme.key");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void theDefaultAccountWithoutAKeyIsRefusedWhenOnlyNamedAccountsHaveKeys() {
		namedOnly().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class).isThrownBy(() -> client.send(REQUEST))
				.withMessageContaining(
						"account 'default' has no key for sms-api: set juhe.sms.sms-api.key or " + "juhe.sms.key");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void aClientViewAndSendOptionsNamingDifferentAccountsAreRefused() {
		withAccounts(contextRunner()).run((context) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> context.getBean(SmsApiClient.class)
				.forAccount("acme")
				.send(REQUEST, SendOptions.account("globex")))
			.withMessageContaining("the client is for one account and the send options name another"));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void aMalformedAccountNameIsRefusedWithoutBeingQuoted() {
		String hostile = "acme\n2026-12-03 INFO forged log line";
		withAccounts(contextRunner()).run((context) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> context.getBean(SmsApiClient.class).send(REQUEST, SendOptions.account(hostile)))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("must be 1-64 letters, digits, '_' or '-'");
				assertThat(ex.getMessage()).doesNotContain("forged");
			}));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	// Only named accounts have keys: the clients exist and the default account has none.
	private ApplicationContextRunner namedOnly() {
		return contextRunner().withPropertyValues("juhe.sms.key=", "juhe.sms.accounts.acme.key=" + ACME_KEY);
	}

	static List<String> keysSentTo(String path) {
		return requestsTo(path).stream().map((request) -> form(request).get("key")).toList();
	}

}

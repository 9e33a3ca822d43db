package io.github.juhesms.account;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.juhesms.account.NamedAccountsTests.keysSentTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Accounts the application supplies at run time through a
 * {@link JuheSmsAccountRepository} (its database, say): used without a restart, cached,
 * refreshed on demand or after the cache's time to live.
 */
class AccountRepositoryTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));

	private final Map<String, JuheSmsAccount> database = new ConcurrentHashMap<>();

	private final AtomicInteger lookUps = new AtomicInteger();

	private ApplicationContextRunner runner() {
		return contextRunner().withBean(JuheSmsAccountRepository.class, () -> (name) -> {
			this.lookUps.incrementAndGet();
			return this.database.get(name);
		});
	}

	private void add(String name, String key) {
		this.database.put(name, JuheSmsAccount.builder(name).key(JuheProduct.SMS_API, key).build());
	}

	@Test
	void anAccountAddedAtRunTimeIsUsedWithoutARestartAndARemovedOneIsRefusedAfterARefresh() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		runner().run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			SendOptions newCustomer = SendOptions.account("hooli");
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(REQUEST, newCustomer))
				.withMessageContaining("'hooli' is no account: not in juhe.sms.accounts and unknown to the "
						+ "JuheSmsAccountRepository");
			add("hooli", "hooli-key-0123456789abcdef");
			client.send(REQUEST, newCustomer);
			client.send(REQUEST, newCustomer);
			this.database.remove("hooli");
			// Still cached: the application refreshes when it removes a customer.
			client.send(REQUEST, newCustomer);
			context.getBean(JuheSmsAccounts.class).refresh("hooli");
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.send(REQUEST, newCustomer));
		});
		assertThat(keysSentTo(SEND)).containsExactly("hooli-key-0123456789abcdef", "hooli-key-0123456789abcdef",
				"hooli-key-0123456789abcdef");
		// The miss, the first use, the miss after the refresh.
		assertThat(this.lookUps).hasValue(3);
	}

	@Test
	void aChangedKeyIsUsedOnceTheCacheTimeToLiveHasPassed() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		add("hooli", "old-key-0123456789abcdef");
		runner().withPropertyValues("juhe.sms.account-repository.cache-ttl=200ms").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class).forAccount("hooli");
			client.send(REQUEST);
			add("hooli", "new-key-0123456789abcdef");
			client.send(REQUEST);
			Thread.sleep(400);
			client.send(REQUEST);
		});
		assertThat(keysSentTo(SEND)).containsExactly("old-key-0123456789abcdef", "old-key-0123456789abcdef",
				"new-key-0123456789abcdef");
	}

	@Test
	void withoutACacheEveryCallLooksTheAccountUp() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		add("hooli", "hooli-key-0123456789abcdef");
		runner().withPropertyValues("juhe.sms.account-repository.cache-ttl=0").run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class).forAccount("hooli");
			client.send(REQUEST);
			client.send(REQUEST);
			client.send(REQUEST);
		});
		assertThat(this.lookUps).hasValue(3);
	}

	@Test
	void configuredAccountsAreFoundFirstAndTheDefaultIsNeverLookedUp() {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		add("acme", "repository-acme-key-0123456789");
		NamedAccountsTests.withAccounts(runner()).run((context) -> {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			client.send(REQUEST, SendOptions.account("acme"));
			client.send(REQUEST, SendOptions.account("default"));
		});
		assertThat(keysSentTo(SEND)).containsExactly(NamedAccountsTests.ACME_KEY, KEY);
		assertThat(this.lookUps).hasValue(0);
	}

	@Test
	void anAccountAnsweredUnderAnotherNameIsRefused() {
		runner().run((context) -> {
			this.database.put("hooli", JuheSmsAccount.builder("piper").key("piper-key-0123456789").build());
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> context.getBean(SmsApiClient.class).send(REQUEST, SendOptions.account("hooli")))
				.withMessageContaining("answered account 'piper' for 'hooli'");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void withOnlyARepositoryEveryProductsClientIsCreated() {
		contextRunner().withPropertyValues("juhe.sms.key=")
			.withBean(JuheSmsAccountRepository.class, () -> (name) -> null)
			.run((context) -> assertThat(context).hasSingleBean(SmsApiClient.class)
				.hasSingleBean(io.github.juhesms.video.VideoSmsClient.class));
	}

	@Test
	void theAccountToStringNeverShowsAKey() {
		JuheSmsAccount account = JuheSmsAccount.builder("hooli")
			.key("shared-key-0123456789")
			.key(JuheProduct.VIDEO, "video-key-0123456789")
			.build();
		assertThat(account.toString()).isEqualTo("JuheSmsAccount[hooli, keys=****]");
	}

}

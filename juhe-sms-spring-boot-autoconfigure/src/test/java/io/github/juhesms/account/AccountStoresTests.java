package io.github.juhesms.account;

import java.util.Map;
import java.util.UUID;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.juhesms.account.NamedAccountsTests.ACME_KEY;
import static io.github.juhesms.account.NamedAccountsTests.GLOBEX_SMS_API_KEY;
import static io.github.juhesms.account.NamedAccountsTests.keysSentTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Limits, idempotency keys and verification codes are kept per account, in memory and in
 * Redis; with Redis, across two application contexts (two instances) on one real
 * {@code redis-server}.
 */
class AccountStoresTests extends JuheWireMockTests {

	private static final String SEND = "/sms/send";

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));

	private final String prefix = "accounts-" + UUID.randomUUID() + ":";

	private ApplicationContextRunner instance(String store) {
		ApplicationContextRunner runner = NamedAccountsTests.withAccounts(contextRunner())
			.withPropertyValues("juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=1",
					"juhe.sms.limits.rules[0].window=1h", "juhe.sms.codes.template-id=21",
					"juhe.sms.accounts.acme.codes.template-id=31");
		return store.equals("redis")
				? runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
					.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
							"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix)
				: runner;
	}

	// With the memory store "two instances" would not share anything: both sends go
	// through one context there, through two with Redis.
	private void twoInstances(String store, ApplicationContextRunner runner, Instances test) {
		runner.run((one) -> {
			if (store.equals("redis")) {
				runner.run((two) -> test.run(one.getBean(SmsApiClient.class), two.getBean(SmsApiClient.class)));
			}
			else {
				test.run(one.getBean(SmsApiClient.class), one.getBean(SmsApiClient.class));
			}
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void oneNumberGetsItsLimitOncePerAccount(String store) {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		twoInstances(store, instance(store), (one, two) -> {
			one.send(REQUEST);
			two.send(REQUEST, SendOptions.account("acme"));
			one.forAccount("globex").send(REQUEST);
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> two.send(REQUEST));
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> one.send(REQUEST, SendOptions.account("acme")));
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> two.send(REQUEST, SendOptions.account("globex")));
		});
		assertThat(keysSentTo(SEND)).containsExactly(KEY, ACME_KEY, GLOBEX_SMS_API_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void sharedLimitsLetANumberGetItsLimitOnceAcrossAccounts(String store) {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		ApplicationContextRunner shared = instance(store)
			.withPropertyValues("juhe.sms.limits.shared-across-accounts=true");
		twoInstances(store, shared, (one, two) -> {
			one.send(REQUEST, SendOptions.account("acme"));
			assertThatExceptionOfType(JuheSmsSendLimitException.class)
				.isThrownBy(() -> two.send(REQUEST, SendOptions.account("globex")));
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> one.send(REQUEST));
		});
		assertThat(keysSentTo(SEND)).containsExactly(ACME_KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void oneIdempotencyKeyInTwoAccountsMakesTwoSendsAndARepeatInEachMakesNone(String store) {
		answer(SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s\"}"));
		ApplicationContextRunner unlimited = instance(store).withPropertyValues("juhe.sms.limits.enabled=false");
		twoInstances(store, unlimited, (one, two) -> {
			SendOptions order = SendOptions.idempotencyKey("order-7");
			one.send(REQUEST, order.withAccount("acme"));
			two.send(REQUEST, order.withAccount("globex"));
			two.send(REQUEST, order.withAccount("acme"));
			one.send(REQUEST, order.withAccount("globex"));
			one.send(REQUEST, order);
			two.send(REQUEST, order);
		});
		assertThat(keysSentTo(SEND)).containsExactly(ACME_KEY, GLOBEX_SMS_API_KEY, KEY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "memory", "redis" })
	void aCodeSentWithOneAccountVerifiesOnlyWithThatAccount(String store) {
		answer("/vercodesms/send", success("{\"sid\":\"c\"}"));
		instance(store).withPropertyValues("juhe.sms.limits.enabled=false").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.forAccount("acme").send("login", "13812345678");
			Map<String, String> sent = onlyFormSentTo("/vercodesms/send");
			assertThat(sent).containsEntry("key", ACME_KEY).containsEntry("tplId", "31");
			String code = lastCodeSentTo("/vercodesms/send");
			assertThat(codes.verify("login", "13812345678", code)).isEqualTo(VerificationResult.NO_CODE);
			assertThat(codes.forAccount("acme").verify("login", "13812345678", code))
				.isEqualTo(VerificationResult.VERIFIED);
		});
	}

	@FunctionalInterface
	interface Instances {

		void run(SmsApiClient one, SmsApiClient two) throws Exception;

	}

}

package io.github.juhesms.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the in-memory and the Redis stores answer alike, through their public methods and
 * through the code service: a refusal names the rule that refuses, a code is used up
 * once, and a final answer (used, expired, too many attempts) stays final.
 */
class StoreParityTests extends JuheWireMockTests {

	private static final String CODE_SEND = "/vercodesms/send";

	private static final String MOBILE = "13812345678";

	private final String prefix = "parity-" + UUID.randomUUID() + ":";

	enum Store {

		MEMORY, REDIS

	}

	private ApplicationContextRunner runner(Store store) {
		ApplicationContextRunner runner = contextRunner().withPropertyValues("juhe.sms.codes.template-id=21");
		if (store == Store.MEMORY) {
			return runner;
		}
		return runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix);
	}

	private void withStores(Store store, StoresConsumer consumer) {
		if (store == Store.MEMORY) {
			consumer.accept(new InMemorySendLimitStore(100, Duration.ofDays(1)),
					new InMemoryVerificationCodeStore(100, Clock.systemUTC()));
			return;
		}
		runner(store).run((context) -> consumer.accept(context.getBean(SendLimitStore.class),
				context.getBean(VerificationCodeStore.class)));
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void refusalNamesTheRuleThatRefuses(Store store) {
		withStores(store, (limits, codes) -> {
			Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
			// Same count, different windows: the longer one frees up last.
			List<SendLimitRule> windows = List.of(new SendLimitRule(1, Duration.ofMinutes(1)),
					new SendLimitRule(1, Duration.ofMinutes(10)));
			assertThat(limits.tryAcquire("windows", "p1", windows, start)).isNull();
			assertThat(limits.tryAcquire("windows", "p2", windows, start.plusSeconds(30)))
				.isEqualTo(new SendLimitStore.Refusal(windows.get(1), start.plusSeconds(600)));
			// Same window, different counts: only the smaller count refuses.
			List<SendLimitRule> counts = List.of(new SendLimitRule(1, Duration.ofMinutes(10)),
					new SendLimitRule(2, Duration.ofMinutes(10)));
			assertThat(limits.tryAcquire("counts", "p1", counts, start)).isNull();
			assertThat(limits.tryAcquire("counts", "p2", counts, start.plusSeconds(1)))
				.isEqualTo(new SendLimitStore.Refusal(counts.get(0), start.plusSeconds(600)));
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void codeIsUsedUpOnceAndOnlyWithItsSalt(Store store) {
		withStores(store, (limits, codes) -> {
			Instant now = Instant.now();
			codes.save("login:n", new StoredCode("salt-1", "hash", now.plusSeconds(300), 0, false),
					Duration.ofMinutes(10));
			assertThat(codes.consume("login:n", "salt-2")).isFalse();
			assertThat(codes.consume("login:n", "salt-1")).isTrue();
			assertThat(codes.consume("login:n", "salt-1")).isFalse();
			assertThat(codes.consume("login:none", "salt-1")).isFalse();
			assertThat(codes.beginAttempt("login:n", 5, now).result()).isEqualTo(VerificationResult.USED);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void usedCodeStaysUsed(Store store) {
		answer(CODE_SEND, success("{\"sid\":\"v1\"}"));
		runner(store).run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.send("login", MOBILE);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.VERIFIED);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.USED);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.USED);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void codeOverItsAttemptsStaysVoid(Store store) {
		answer(CODE_SEND, success("{\"sid\":\"v1\"}"));
		runner(store).withPropertyValues("juhe.sms.codes.max-attempts=2").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.send("login", MOBILE);
			String wrong = lastCode().equals("000000") ? "111111" : "000000";
			assertThat(codes.verify("login", MOBILE, wrong)).isEqualTo(VerificationResult.WRONG_CODE);
			assertThat(codes.verify("login", MOBILE, wrong)).isEqualTo(VerificationResult.TOO_MANY_ATTEMPTS);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.TOO_MANY_ATTEMPTS);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.TOO_MANY_ATTEMPTS);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void expiredCodeStaysExpired(Store store) {
		answer(CODE_SEND, success("{\"sid\":\"v1\"}"));
		runner(store).withPropertyValues("juhe.sms.codes.ttl=200ms").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.send("login", MOBILE);
			Thread.sleep(400);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.EXPIRED);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.EXPIRED);
		});
	}

	private static String lastCode() {
		return lastCodeSentTo(CODE_SEND);
	}

	@FunctionalInterface
	interface StoresConsumer {

		void accept(SendLimitStore limits, VerificationCodeStore codes);

	}

}

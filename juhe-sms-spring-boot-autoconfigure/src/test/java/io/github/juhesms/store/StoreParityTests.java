package io.github.juhesms.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the in-memory and the Redis stores answer alike, through their public methods and
 * through the code service: a refusal names the rule that refuses and when, on the
 * store's clock, a send leaves a window as it slides, a code expires on the store's clock
 * and is used up once, and a final answer (used, expired, too many attempts) stays final.
 * Each store keeps its own time (the system clock in memory, {@code TIME} on the Redis
 * server), so the windows are real: short ones to leave, long ones that surely do not
 * pass during a test, and the times reported are checked against the store's clock read
 * before and after (to the millisecond before: stores keep send times in milliseconds).
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

	private void withStores(Store store, StoresConsumer consumer) throws Exception {
		if (store == Store.MEMORY) {
			Clock clock = Clock.systemUTC();
			consumer.accept(new InMemorySendLimitStore(10_000, Duration.ofDays(1), clock),
					new InMemoryVerificationCodeStore(100, clock), clock::instant);
			return;
		}
		runner(store).run((context) -> {
			StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
			consumer.accept(context.getBean(SendLimitStore.class), context.getBean(VerificationCodeStore.class),
					() -> TestRedis.time(redis));
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void refusalNamesTheRuleThatRefuses(Store store) throws Exception {
		withStores(store, (limits, codes, clock) -> {
			// Same count, different windows: the longer one frees up last.
			List<SendLimitRule> windows = List.of(new SendLimitRule(1, Duration.ofMinutes(1)),
					new SendLimitRule(1, Duration.ofMinutes(10)));
			Instant before = clock.get().truncatedTo(ChronoUnit.MILLIS);
			assertThat(limits.tryAcquire("windows", "p1", windows)).isNull();
			Instant after = clock.get();
			assertThat(limits.tryAcquire("windows", "p2", windows)).satisfies((refusal) -> {
				assertThat(refusal.rule()).isEqualTo(windows.get(1));
				assertThat(refusal.retryAt()).isBetween(before.plusSeconds(600), after.plusSeconds(600));
			});
			// Same window, different counts: only the smaller count refuses.
			List<SendLimitRule> counts = List.of(new SendLimitRule(1, Duration.ofMinutes(10)),
					new SendLimitRule(2, Duration.ofMinutes(10)));
			assertThat(limits.tryAcquire("counts", "p1", counts)).isNull();
			assertThat(limits.tryAcquire("counts", "p2", counts))
				.satisfies((refusal) -> assertThat(refusal.rule()).isEqualTo(counts.get(0)));
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aBatchIsCheckedInOrderAsSingleAcquiresWouldBeAndStopsAtTheCapThatRefuses(Store store) throws Exception {
		withStores(store, (limits, codes, clock) -> {
			List<SendLimitRule> rules = List.of(new SendLimitRule(1, Duration.ofHours(1)));
			SpendCap cap = new SpendCap(JuheProduct.FINANCIAL, "parity-" + UUID.randomUUID(), SpendCapWindow.DAILY,
					null, 2500);
			List<SpendCapCharge> charges = List.of(new SpendCapCharge(cap, 1));
			// 2,400 numbers, over two chunks on Redis; the number 7 is given twice.
			List<String> keys = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 2400; i++) {
				keys.add("batch-" + i);
				ids.add("p" + i);
			}
			keys.set(1500, "batch-7");
			List<SendLimitStore.Acquisition> first = limits.acquireAll(keys, ids, rules, charges);
			assertThat(first).hasSize(2400);
			assertThat(first.get(1500).refusal()).isNotNull();
			assertThat(first.stream().filter(SendLimitStore.Acquisition::isAdmitted)).hasSize(2399);
			assertThat(first.get(2399).balances().get(0).used()).isEqualTo(2399);
			// The next batch has room for 101 numbers: the cap refuses the 102nd and
			// nothing after it is checked.
			List<String> more = new ArrayList<>();
			List<String> moreIds = new ArrayList<>();
			for (int i = 0; i < 300; i++) {
				more.add("more-" + i);
				moreIds.add("m" + i);
			}
			List<SendLimitStore.Acquisition> second = limits.acquireAll(more, moreIds, rules, charges);
			assertThat(second).hasSize(102);
			assertThat(second.get(101).capRefusal()).satisfies((refusal) -> {
				assertThat(refusal.index()).isZero();
				assertThat(refusal.used()).isEqualTo(2500);
			});
			// Given back together: the permits and the units.
			List<SendAdmission.Permit> permits = new ArrayList<>();
			for (int i = 0; i < 101; i++) {
				permits.add(new SendAdmission.Permit(more.get(i), moreIds.get(i),
						List.of(new SendAdmission.Spent(cap.key(), second.get(i).balances().get(0).periodStart(), 1))));
			}
			limits.releaseAll(permits);
			assertThat(limits.acquireAll(more.subList(0, 101), moreIds.subList(0, 101), rules, charges))
				.allSatisfy((acquisition) -> assertThat(acquisition.isAdmitted()).isTrue())
				.last()
				.satisfies((acquisition) -> assertThat(acquisition.balances().get(0).used()).isEqualTo(2500));
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void sendsLeaveTheWindowAsItSlides(Store store) throws Exception {
		withStores(store, (limits, codes, clock) -> {
			List<SendLimitRule> rules = List.of(new SendLimitRule(1, Duration.ofMillis(200)),
					new SendLimitRule(3, Duration.ofHours(1)));
			Instant before = clock.get().truncatedTo(ChronoUnit.MILLIS);
			assertThat(limits.tryAcquire("k", "p1", rules)).isNull();
			Instant after = clock.get();
			Thread.sleep(300);
			assertThat(limits.tryAcquire("k", "p2", rules)).isNull();
			Thread.sleep(300);
			assertThat(limits.tryAcquire("k", "p3", rules)).isNull();
			Thread.sleep(300);
			// Three in the hour: the fourth waits until the first leaves the hour.
			assertThat(limits.tryAcquire("k", "p4", rules)).satisfies((refusal) -> {
				assertThat(refusal.rule()).isEqualTo(rules.get(1));
				assertThat(refusal.retryAt()).isBetween(before.plus(Duration.ofHours(1)),
						after.plus(Duration.ofHours(1)));
			});
			limits.release("k", "p3");
			assertThat(limits.tryAcquire("k", "p4", rules)).isNull();
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void codeIsUsedUpOnceAndOnlyWithItsSalt(Store store) throws Exception {
		withStores(store, (limits, codes, clock) -> {
			Instant before = clock.get().truncatedTo(ChronoUnit.MILLIS);
			Instant expiresAt = codes.save("login:n", "salt-1", "hash", Duration.ofMinutes(5), Duration.ofMinutes(10));
			assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(5)),
					clock.get().plus(Duration.ofMinutes(5)));
			assertThat(codes.consume("login:n", "salt-2")).isFalse();
			assertThat(codes.consume("login:n", "salt-1")).isTrue();
			assertThat(codes.consume("login:n", "salt-1")).isFalse();
			assertThat(codes.consume("login:none", "salt-1")).isFalse();
			assertThat(codes.beginAttempt("login:n", 5).result()).isEqualTo(VerificationResult.USED);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void codeExpiresAfterItsValidity(Store store) throws Exception {
		withStores(store, (limits, codes, clock) -> {
			codes.save("login:n", "salt-1", "hash", Duration.ofMillis(200), Duration.ofMinutes(10));
			assertThat(codes.beginAttempt("login:n", 5).code()).isNotNull();
			Thread.sleep(300);
			assertThat(codes.beginAttempt("login:n", 5).result()).isEqualTo(VerificationResult.EXPIRED);
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

		void accept(SendLimitStore limits, VerificationCodeStore codes, Supplier<Instant> clock) throws Exception;

	}

}

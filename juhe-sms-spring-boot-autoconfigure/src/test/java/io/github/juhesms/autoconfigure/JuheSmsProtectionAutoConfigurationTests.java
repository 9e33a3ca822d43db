package io.github.juhesms.autoconfigure;

import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.guard.FailOpenIdempotencyStore;
import io.github.juhesms.guard.FailOpenSendLimiter;
import io.github.juhesms.guard.IdempotencySettings;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.guard.SlidingWindowSendLimiter;
import io.github.juhesms.redis.RedisIdempotencyStore;
import io.github.juhesms.redis.RedisSendLimitStore;
import io.github.juhesms.redis.RedisVerificationCodeStore;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.InMemoryIdempotencyStore;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.InMemoryVerificationCodeStore;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.VerificationCodeStore;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which stores, limiter and code service the auto-configuration creates, and that an
 * application's own beans win.
 */
class JuheSmsProtectionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JuheSmsAutoConfiguration.class))
		.withPropertyValues("juhe.sms.key=k", "juhe.sms.base-url=http://localhost:1");

	@Test
	void inMemoryStoresAndTheCarriersLimitsByDefault() {
		this.contextRunner.withPropertyValues("juhe.sms.codes.template-id=21").run((context) -> {
			assertThat(context).doesNotHaveBean(SendLimitStore.class)
				.doesNotHaveBean(SendLimiter.class)
				.doesNotHaveBean(IdempotencyStore.class)
				.doesNotHaveBean(VerificationCodeStore.class);
			assertThat(sendLimiter(context)).isInstanceOf(SlidingWindowSendLimiter.class)
				.extracting("store")
				.isInstanceOf(InMemorySendLimitStore.class);
			assertThat(idempotencyStore(context)).isInstanceOf(InMemoryIdempotencyStore.class);
			assertThat(context.getBean(VerificationCodeService.class)).extracting("store")
				.isInstanceOf(InMemoryVerificationCodeStore.class);
			JuheSmsProperties.Limits limits = context.getBean(JuheSmsProperties.class).getLimits();
			assertThat(limits.getRules()).extracting((rule) -> rule.getCount() + "/" + rule.getWindow())
				.containsExactly("1/PT1M", "3/PT10M", "4/PT1H", "20/PT24H");
		});
	}

	@Test
	void limitsOffMeansUnlimited() {
		this.contextRunner.withPropertyValues("juhe.sms.limits.enabled=false")
			.run((context) -> assertThat(sendLimiter(context)).isSameAs(SendLimiter.UNLIMITED));
	}

	@Test
	void redisStoresWhenChosen() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url())
			.run((context) -> {
				assertThat(context.getBean(SendLimitStore.class)).isInstanceOf(RedisSendLimitStore.class);
				assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
				assertThat(context.getBean(VerificationCodeStore.class)).isInstanceOf(RedisVerificationCodeStore.class);
				assertThat(sendLimiter(context)).isInstanceOf(SlidingWindowSendLimiter.class)
					.extracting("store")
					.isSameAs(context.getBean(SendLimitStore.class));
				assertThat(idempotencyStore(context)).isSameAs(context.getBean(IdempotencyStore.class));
			});
	}

	@Test
	void redisFailOpenWrapsLimitsAndIdempotency() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.fail-open=true")
			.run((context) -> {
				assertThat(sendLimiter(context)).isInstanceOf(FailOpenSendLimiter.class);
				assertThat(idempotencyStore(context)).isInstanceOf(FailOpenIdempotencyStore.class);
			});
	}

	@Test
	void redisWithoutAConnectionFactoryFailsWithAClearMessage() {
		this.contextRunner.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith(
						"juhe.sms.store ('redis') needs a Redis connection factory, and the application has none. Add spring-boot-starter-data-redis"));
	}

	@Test
	void redisWithoutSpringDataRedisFailsWithAClearMessage() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(StringRedisTemplate.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith(
						"juhe.sms.store ('redis') needs Spring Data Redis for the store of send limits, "
								+ "and it is not on the class path"));
	}

	@Test
	void blankTemplateIdMeansNoCodeService() {
		this.contextRunner.withPropertyValues("juhe.sms.codes.template-id= ")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(VerificationCodeService.class));
	}

	@Test
	void withoutATemplateTheSearchForTheApplicationsOwnCodeServiceIsSkipped() {
		Class<?> codeService = JuheSmsAutoConfiguration.VerificationCodeServiceConfiguration.class;
		this.contextRunner.run((context) -> {
			assertThat(EvaluatedConditions.of(context, codeService)).containsExactly("OnCodesTemplateCondition");
			assertThat(EvaluatedConditions.of(context, codeService, "verificationCodeService")).isEmpty();
		});
	}

	@Test
	void codeServiceExistsOnceATemplateIsSet() {
		this.contextRunner.withPropertyValues("juhe.sms.codes.template-id=21")
			.run((context) -> assertThat(context).hasSingleBean(VerificationCodeService.class));
	}

	@Test
	void codeServiceWithoutItsProductsKeyFailsWithAClearMessage() {
		this.contextRunner
			.withPropertyValues("juhe.sms.key=", "juhe.sms.international.key=k", "juhe.sms.codes.template-id=21")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("juhe.sms.verification-code.key"));
	}

	@Test
	void applicationStoresWin() {
		InMemorySendLimitStore limits = new InMemorySendLimitStore(10, java.time.Duration.ofMinutes(1),
				java.time.Clock.systemUTC());
		InMemoryIdempotencyStore keys = new InMemoryIdempotencyStore(10, java.time.Clock.systemUTC());
		this.contextRunner.withBean(SendLimitStore.class, () -> limits)
			.withBean(IdempotencyStore.class, () -> keys)
			.run((context) -> {
				assertThat(sendLimiter(context)).extracting("store").isSameAs(limits);
				assertThat(idempotencyStore(context)).isSameAs(keys);
			});
	}

	@Test
	void applicationLimiterWins() {
		this.contextRunner.withBean(SendLimiter.class, () -> SendLimiter.UNLIMITED)
			.run((context) -> assertThat(sendLimiter(context)).isSameAs(SendLimiter.UNLIMITED));
	}

	private static Object sendLimiter(AssertableApplicationContext context) {
		return ReflectionTestUtils.getField(guard(context), "limiter");
	}

	private static Object idempotencyStore(AssertableApplicationContext context) {
		IdempotencySettings settings = (IdempotencySettings) ReflectionTestUtils.getField(guard(context),
				"idempotency");
		assertThat(settings).isNotNull();
		return settings.store();
	}

	// The factory's send guard, which holds the limiter and the idempotency settings.
	private static Object guard(AssertableApplicationContext context) {
		Object services = ReflectionTestUtils.getField(context.getBean(JuheProductApiFactory.class), "services");
		return ReflectionTestUtils.getField(services, "guard");
	}

}

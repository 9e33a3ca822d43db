package io.github.juhesms.autoconfigure;

import io.github.juhesms.codes.InMemoryVerificationCodeStore;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.codes.VerificationCodeStore;
import io.github.juhesms.core.IdempotencySettings;
import io.github.juhesms.core.IdempotencyStore;
import io.github.juhesms.core.SendLimiter;
import io.github.juhesms.idempotency.FailOpenIdempotencyStore;
import io.github.juhesms.idempotency.InMemoryIdempotencyStore;
import io.github.juhesms.limits.FailOpenSendLimiter;
import io.github.juhesms.limits.InMemorySendLimitStore;
import io.github.juhesms.limits.SendLimitStore;
import io.github.juhesms.limits.SlidingWindowSendLimiter;
import io.github.juhesms.redis.RedisIdempotencyStore;
import io.github.juhesms.redis.RedisSendLimitStore;
import io.github.juhesms.redis.RedisVerificationCodeStore;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which stores, limiter and code service the auto-configuration creates, and that an application's
 * own beans win.
 */
class JuheSmsProtectionAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JuheSmsAutoConfiguration.class))
		.withPropertyValues("juhe.sms.key=k", "juhe.sms.base-url=http://localhost:1");

	@Test
	void inMemoryStoresAndTheCarriersLimitsByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(SendLimitStore.class)).isInstanceOf(InMemorySendLimitStore.class);
			assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(InMemoryIdempotencyStore.class);
			assertThat(context.getBean(VerificationCodeStore.class)).isInstanceOf(InMemoryVerificationCodeStore.class);
			assertThat(context.getBean(SendLimiter.class)).isInstanceOf(SlidingWindowSendLimiter.class);
			JuheSmsProperties.Limits limits = context.getBean(JuheSmsProperties.class).getLimits();
			assertThat(limits.getRules()).extracting((rule) -> rule.getCount() + "/" + rule.getWindow())
				.containsExactly("1/PT1M", "3/PT10M", "4/PT1H", "20/PT24H");
			assertThat(context).doesNotHaveBean(VerificationCodeService.class);
		});
	}

	@Test
	void limitsOffMeansUnlimited() {
		this.contextRunner.withPropertyValues("juhe.sms.limits.enabled=false")
			.run((context) -> assertThat(context.getBean(SendLimiter.class)).isSameAs(SendLimiter.UNLIMITED));
	}

	@Test
	void redisStoresWhenChosen() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "spring.data.redis.url=" + TestRedis.url())
			.run((context) -> {
				assertThat(context.getBean(SendLimitStore.class)).isInstanceOf(RedisSendLimitStore.class);
				assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(RedisIdempotencyStore.class);
				assertThat(context.getBean(VerificationCodeStore.class)).isInstanceOf(RedisVerificationCodeStore.class);
				assertThat(context.getBean(SendLimiter.class)).isInstanceOf(SlidingWindowSendLimiter.class);
			});
	}

	@Test
	void redisFailOpenWrapsLimitsAndIdempotency() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "spring.data.redis.url=" + TestRedis.url(),
					"juhe.sms.redis.fail-open=true")
			.run((context) -> {
				assertThat(context.getBean(SendLimiter.class)).isInstanceOf(FailOpenSendLimiter.class);
				assertThat(context.getBean(IdempotencySettings.class).store()).isInstanceOf(FailOpenIdempotencyStore.class);
			});
	}

	@Test
	void redisWithoutAConnectionFactoryFailsWithAClearMessage() {
		this.contextRunner.withPropertyValues("juhe.sms.store=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("juhe.sms.store=redis needs a Redis connection factory"));
	}

	@Test
	void blankTemplateIdMeansNoCodeService() {
		this.contextRunner.withPropertyValues("juhe.sms.codes.template-id= ")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(VerificationCodeService.class));
	}

	@Test
	void withoutATemplateTheSearchForTheApplicationsOwnCodeServiceIsSkipped() {
		this.contextRunner.run((context) -> assertThat(
				EvaluatedConditions.of(context, JuheSmsProtectionConfiguration.class, "verificationCodeService"))
			.containsExactly("OnCodesTemplateCondition"));
	}

	@Test
	void codeServiceExistsOnceATemplateIsSet() {
		this.contextRunner.withPropertyValues("juhe.sms.codes.template-id=21")
			.run((context) -> assertThat(context).hasSingleBean(VerificationCodeService.class));
	}

	@Test
	void codeServiceWithoutItsProductsKeyFailsWithAClearMessage() {
		this.contextRunner.withPropertyValues("juhe.sms.key=", "juhe.sms.international.key=k",
				"juhe.sms.codes.template-id=21")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("juhe.sms.verification-code.key"));
	}

	@Test
	void applicationStoresAndLimiterWin() {
		InMemorySendLimitStore store = new InMemorySendLimitStore(10, java.time.Duration.ofMinutes(1));
		this.contextRunner.withBean(SendLimitStore.class, () -> store)
			.withBean(SendLimiter.class, () -> SendLimiter.UNLIMITED)
			.run((context) -> {
				assertThat(context.getBean(SendLimitStore.class)).isSameAs(store);
				assertThat(context.getBean(SendLimiter.class)).isSameAs(SendLimiter.UNLIMITED);
			});
	}

}

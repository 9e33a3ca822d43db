package io.github.juhesms.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.github.juhesms.call.FailFastSettings;
import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.call.JuheRetrySettings;
import io.github.juhesms.call.RetryBudgetSettings;
import io.github.juhesms.codes.VerificationCodeSender;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.codes.VerificationCodeSettings;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.guard.FailOpenSendLimiter;
import io.github.juhesms.guard.IdempotencySettings;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.guard.SlidingWindowSendLimiter;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.github.juhesms.redis.RedisIdempotencyStore;
import io.github.juhesms.redis.RedisSendLimitStore;
import io.github.juhesms.redis.RedisVerificationCodeStore;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.InMemoryVerificationCodeStore;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.VerificationCodeStore;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the Juhe SMS clients: a client bean per product that is enabled
 * and has a key, all created by one {@link JuheProductApiFactory} over one HTTP transport
 * built from Boot's {@link RestClient.Builder}, and the verification-code service once
 * its template is set.
 * <p>
 * Kept to few beans in one class because every bean definition, bean search and
 * configuration class adds to the cold start-up of every application that has the
 * starter. The transport, the send limiter and the stores are therefore not beans: an
 * application's own bean of that type still replaces the starter's. Every
 * {@code @ConditionalOnMissingBean} names its type: without one, Boot looks the bean
 * method up by reflection to deduce it. The optional parts are nested classes rather than
 * imports: Spring reads a nested class without loading it, while the classes an
 * {@code @Import} names are loaded whenever this class's annotations are.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(JuheSmsProperties.class)
public final class JuheSmsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(JuheProductApiFactory.class)
	JuheProductApiFactory juheSmsProductApiFactory(JuheSmsProperties properties,
			ObjectProvider<JuheHttpTransport> transport, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<JuheSmsRestClientCustomizer> customizers, ResourceLoader resourceLoader,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JuheSmsObservationConvention> observationConvention,
			ObjectProvider<MeterRegistry> meterRegistry, ApplicationEventPublisher eventPublisher,
			ObjectProvider<SendLimiter> sendLimiter, ObjectProvider<SendLimitStore> sendLimitStore,
			ObjectProvider<IdempotencyStore> idempotencyStore) {
		JuheSmsProperties.Retry retry = properties.getRetry();
		JuheSmsProperties.Budget budget = retry.getBudget();
		JuheSmsProperties.FailFast failFast = properties.getFailFast();
		JuheSmsProperties.Idempotency idempotency = properties.getIdempotency();

		JuheHttpTransport httpTransport = transport.getIfAvailable();
		if (httpTransport == null) {
			JuheSmsRestClientFactory.warnIfPlainHttp(properties.getBaseUrl());
			// The RestClient is built on first use.
			httpTransport = new JuheHttpTransport(
					new JuheSmsRestClientFactory(properties, restClientBuilder, requestFactoryBuilder,
							httpClientSettings, customizers, resourceLoader.getClassLoader()),
					Math.toIntExact(properties.getMaxResponseSize().toBytes()));
		}
		ObservationRegistry registry = observationRegistry.getIfUnique();
		SendLimiter limiter = sendLimiter.getIfAvailable();
		return JuheProductApiFactory.builder(httpTransport)
			.retry(new JuheRetrySettings(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
					retry.getMaxInterval(), retry.getJitter()))
			.retryBudget(new RetryBudgetSettings(budget.isEnabled(), budget.getCapacity(), budget.getRefillInterval()))
			.failFast(new FailFastSettings(failFast.getCodes(), failFast.getCooldown()))
			.observations((registry != null) ? registry : ObservationRegistry.NOOP, observationConvention.getIfUnique())
			.meterRegistry(meterRegistry.getIfUnique())
			.eventPublisher(eventPublisher)
			.sendLimiter((limiter != null) ? limiter : sendLimiter(properties, sendLimitStore))
			.idempotency(new IdempotencySettings(JuheSmsStores.idempotencyKeys(properties, idempotencyStore),
					idempotency.getWindow(), idempotency.getWaitTimeout()))
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(InternationalSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.international", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.INTERNATIONAL)
	InternationalSmsClient internationalSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new InternationalSmsClient(
				api(factory, properties, JuheProduct.INTERNATIONAL, properties.getInternational()));
	}

	@Bean
	@ConditionalOnMissingBean(FinancialSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.financial", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.FINANCIAL)
	FinancialSmsClient financialSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new FinancialSmsClient(api(factory, properties, JuheProduct.FINANCIAL, properties.getFinancial()));
	}

	@Bean
	@ConditionalOnMissingBean(VerificationCodeSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.verification-code", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.VERIFICATION_CODE)
	VerificationCodeSmsClient verificationCodeSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new VerificationCodeSmsClient(
				api(factory, properties, JuheProduct.VERIFICATION_CODE, properties.getVerificationCode()));
	}

	@Bean
	@ConditionalOnMissingBean(SmsApiClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.sms-api", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.SMS_API)
	SmsApiClient smsApiClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new SmsApiClient(api(factory, properties, JuheProduct.SMS_API, properties.getSmsApi()),
				properties.getSmsApi().getVariablesFormat());
	}

	@Bean
	@ConditionalOnMissingBean(VideoSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.video", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.VIDEO)
	VideoSmsClient videoSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new VideoSmsClient(api(factory, properties, JuheProduct.VIDEO, properties.getVideo()));
	}

	private static JuheProductApi api(JuheProductApiFactory factory, JuheSmsProperties properties, JuheProduct product,
			JuheSmsProperties.Product settings) {
		return factory.create(product, properties.resolveKey(settings), settings.getBusyCodes());
	}

	// The per-number limits of the properties over the configured store (see
	// JuheSmsStores).
	private static SendLimiter sendLimiter(JuheSmsProperties properties, ObjectProvider<SendLimitStore> store) {
		JuheSmsProperties.Limits limits = properties.getLimits();
		if (!limits.isEnabled()) {
			return SendLimiter.UNLIMITED;
		}
		List<SendLimitRule> rules = new ArrayList<>();
		for (JuheSmsProperties.Limits.Rule rule : limits.getRules()) {
			rules.add(new SendLimitRule(rule.getCount(), rule.getWindow()));
		}
		SendLimiter limiter = new SlidingWindowSendLimiter(JuheSmsStores.sendLimits(properties, store, rules), rules,
				limits.isPerTemplate(), Clock.systemUTC());
		return JuheSmsStores.failOpen(properties) ? new FailOpenSendLimiter(limiter) : limiter;
	}

	/**
	 * The verification-code service, once {@code juhe.sms.codes.template-id} is set. A
	 * nested class, so that an application without a template does not load the service's
	 * classes.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnCodesTemplateCondition.class)
	static class VerificationCodeServiceConfiguration {

		@Bean
		@ConditionalOnMissingBean(VerificationCodeService.class)
		VerificationCodeService verificationCodeService(JuheSmsProperties properties,
				ObjectProvider<VerificationCodeSmsClient> verificationCodeSms, ObjectProvider<SmsApiClient> smsApi,
				ObjectProvider<VerificationCodeStore> store) {
			JuheSmsProperties.Codes codes = properties.getCodes();
			long templateId = codes.getTemplateId();
			VerificationCodeSender sender = switch (codes.getProduct()) {
				case VERIFICATION_CODE -> VerificationCodeSender.verificationCodeSms(required(verificationCodeSms,
						"juhe.sms.codes (the verification-code product: set juhe.sms.verification-code.key or "
								+ "juhe.sms.key)"),
						templateId);
				case SMS_API -> VerificationCodeSender.smsApi(
						required(smsApi,
								"juhe.sms.codes (the SMS API product: set juhe.sms.sms-api.key or juhe.sms.key)"),
						templateId);
			};
			return new VerificationCodeService(sender, verificationCodes(properties, store),
					new VerificationCodeSettings(codes.getLength(), codes.getTtl(), codes.getResendCooldown(),
							codes.getMaxAttempts(), codes.getCodeVariable(), codes.getMinutesVariable(),
							codes.getVariables()),
					Clock.systemUTC());
		}

		private static VerificationCodeStore verificationCodes(JuheSmsProperties properties,
				ObjectProvider<VerificationCodeStore> beans) {
			VerificationCodeStore bean = JuheSmsStores.bean(properties, beans, "verification codes");
			return (bean != null) ? bean
					: new InMemoryVerificationCodeStore(properties.getCodes().getMaxNumbers(), Clock.systemUTC());
		}

		private static <T> T required(ObjectProvider<T> provider, String what) {
			T bean = provider.getIfAvailable();
			if (bean == null) {
				throw new IllegalStateException("No client for " + what + " is available");
			}
			return bean;
		}

	}

	/**
	 * The Redis stores of send limits, idempotency keys and verification codes, with
	 * {@code juhe.sms.store=redis}. Redis is chosen explicitly, not whenever a connection
	 * factory exists: moving abuse protection into a Redis the application uses for
	 * something else, and making sends fail closed when that Redis is down, must be a
	 * decision. The in-memory default stores are not beans (see {@link JuheSmsStores}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "juhe.sms.store", havingValue = "redis")
	@ConditionalOnClass(StringRedisTemplate.class)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SendLimitStore.class)
		SendLimitStore juheSmsSendLimitStore(JuheSmsProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			return new RedisSendLimitStore(template(connectionFactory), properties.getRedis().getKeyPrefix());
		}

		@Bean
		@ConditionalOnMissingBean(IdempotencyStore.class)
		IdempotencyStore juheSmsIdempotencyStore(JuheSmsProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			return new RedisIdempotencyStore(template(connectionFactory), properties.getRedis().getKeyPrefix());
		}

		@Bean
		@ConditionalOnMissingBean(VerificationCodeStore.class)
		VerificationCodeStore juheSmsVerificationCodeStore(JuheSmsProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			return new RedisVerificationCodeStore(template(connectionFactory), properties.getRedis().getKeyPrefix());
		}

		// Not a bean: a StringRedisTemplate bean of ours would replace the application's
		// own.
		private static StringRedisTemplate template(ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory factory = connectionFactory.getIfAvailable();
			if (factory == null) {
				throw new IllegalStateException("juhe.sms.store=redis needs a Redis connection factory: add "
						+ "spring-boot-starter-data-redis and set spring.data.redis.*");
			}
			StringRedisTemplate template = new StringRedisTemplate(factory);
			template.afterPropertiesSet();
			return template;
		}

	}

	/**
	 * Masks the Juhe keys in {@code /actuator/configprops} and {@code /actuator/env} even
	 * when an application shows their values ({@code show-values=always}), which Boot
	 * would otherwise print in clear.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class KeySanitizingConfiguration {

		// juhe.sms.key, juhe.sms.<product>.key and their environment-variable forms
		// (JUHE_SMS_KEY, ...).
		private static final Pattern KEY_PROPERTY = Pattern.compile("(?i)juhe[._-]sms[._-](?:[a-z-]+[._])?key");

		@Bean
		SanitizingFunction juheSmsKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(KEY_PROPERTY);
		}

	}

}

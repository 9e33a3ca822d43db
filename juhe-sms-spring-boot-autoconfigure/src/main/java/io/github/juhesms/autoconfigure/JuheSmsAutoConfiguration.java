package io.github.juhesms.autoconfigure;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import io.github.juhesms.account.JuheSmsAccountRepository;
import io.github.juhesms.account.JuheSmsAccountResolver;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.codes.VerificationCodeSender;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.guard.SpendCapMonitor;
import io.github.juhesms.international.AreaPermissions;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.observation.JuheSmsObservationConvention;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.store.VerificationCodeStore;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.template.TemplateCheckSettings;
import io.github.juhesms.template.TemplateChecks;
import io.github.juhesms.video.VideoSmsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.BeanFactory;
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
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the Juhe SMS clients: a client bean per product that is enabled
 * and has a key, all created by one {@link JuheProductApiFactory} over one HTTP transport
 * built from Boot's {@link RestClient.Builder}, and the verification-code service once
 * its template is set.
 * <p>
 * Few beans in one class, optional parts in nested classes, and the transport, limiter
 * and stores built inside the factory bean (an application's own bean of each type still
 * wins): the start-up rules of docs/architecture.md.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(JuheSmsProperties.class)
@Import(JuheSmsRedisStoresConfiguration.class)
public final class JuheSmsAutoConfiguration {

	// Created by Spring only.
	JuheSmsAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(JuheSmsAccounts.class)
	JuheSmsAccounts juheSmsAccounts(JuheSmsProperties properties, ObjectProvider<JuheSmsAccountRepository> repository,
			ObjectProvider<JuheSmsAccountResolver> resolver) {
		JuheSmsProperties.AccountRepository caching = properties.getAccountRepository();
		return JuheSmsAccounts.builder(properties.toDefaultAccount())
			.accounts(properties.toAccounts())
			.repository(repository.getIfUnique())
			.cache(caching.getCacheTtl(), caching.getMaxCached())
			.resolver(resolver.getIfUnique())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(JuheProductApiFactory.class)
	JuheProductApiFactory juheSmsProductApiFactory(JuheSmsProperties properties, JuheSmsAccounts accounts,
			ObjectProvider<JuheHttpTransport> transport, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<JuheSmsRestClientCustomizer> customizers, ResourceLoader resourceLoader,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JuheSmsObservationConvention> observationConvention,
			ObjectProvider<MeterRegistry> meterRegistry, ApplicationEventPublisher eventPublisher,
			ObjectProvider<SendLimiter> sendLimiter, ObjectProvider<SendLimitStore> sendLimitStore,
			ObjectProvider<IdempotencyStore> idempotencyStore,
			@JuheSmsAsyncExecutor ObjectProvider<Executor> asyncExecutor, BeanFactory beanFactory) {

		JuheHttpTransport httpTransport = transport.getIfAvailable();
		if (httpTransport == null) {
			JuheSmsRestClientFactory.warnIfPlainHttp(properties.getBaseUrl());
			JuheSmsRestClientFactory.warnIfWireLogging();
			// The RestClient is built on first use.
			httpTransport = new JuheHttpTransport(
					new JuheSmsRestClientFactory(properties, restClientBuilder, requestFactoryBuilder,
							httpClientSettings, customizers, resourceLoader.getClassLoader()),
					Math.toIntExact(properties.getMaxResponseSize().toBytes()), properties.determineAttemptTimeout());
		}
		ObservationRegistry registry = observationRegistry.getIfUnique();
		SendLimiter limiter = sendLimiter.getIfAvailable();
		MeterRegistry meters = meterRegistry.getIfUnique();
		StoreDigest digest = JuheSmsStores.digest(properties);
		JuheProductApiFactory.Builder builder = JuheProductApiFactory.builder(httpTransport);
		for (Map.Entry<JuheProduct, JuheSmsProperties.Product> product : properties.products().entrySet()) {
			Integer maxInFlight = product.getValue().getAsync().getMaxInFlight();
			if (maxInFlight != null) {
				builder.maxInFlight(product.getKey(), maxInFlight);
			}
		}
		return builder.accounts(accounts)
			.retry(properties.getRetry().toSettings())
			.retryBudget(properties.getRetry().getBudget().toSettings())
			.failFast(properties.getFailFast().toSettings())
			.observations((registry != null) ? registry : ObservationRegistry.NOOP, observationConvention.getIfUnique())
			.meterRegistry(meters)
			.eventPublisher(eventPublisher)
			.sendLimiter((limiter != null) ? limiter
					: JuheSmsStores.sendLimiter(properties, sendLimitStore, digest,
							new SpendCapMonitor(meters, eventPublisher, Clock.systemUTC())))
			.idempotency(JuheSmsStores.idempotency(properties, idempotencyStore, digest))
			.asyncExecutor(new AsyncExecutorLookup(asyncExecutor, beanFactory))
			.maxInFlight(properties.getAsync().getMaxInFlight())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean(InternationalSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.international", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.INTERNATIONAL)
	InternationalSmsClient internationalSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		JuheSmsProperties.International international = properties.getInternational();
		return new InternationalSmsClient(factory.create(JuheProduct.INTERNATIONAL, international.getBusyCodes()),
				AreaPermissions.of(international.getAllowedAreaCodes(), international.getDeniedAreaCodes()),
				templateChecks(international, meterRegistry));
	}

	@Bean
	@ConditionalOnMissingBean(FinancialSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.financial", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.FINANCIAL)
	FinancialSmsClient financialSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		JuheSmsProperties.Financial financial = properties.getFinancial();
		return new FinancialSmsClient(factory.create(JuheProduct.FINANCIAL, financial.getBusyCodes()),
				templateChecks(financial, meterRegistry), financial.getCampaign().toSettings());
	}

	@Bean
	@ConditionalOnMissingBean(VerificationCodeSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.verification-code", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.VERIFICATION_CODE)
	VerificationCodeSmsClient verificationCodeSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		JuheSmsProperties.TemplatedProduct verificationCode = properties.getVerificationCode();
		return new VerificationCodeSmsClient(
				factory.create(JuheProduct.VERIFICATION_CODE, verificationCode.getBusyCodes()),
				templateChecks(verificationCode, meterRegistry));
	}

	@Bean
	@ConditionalOnMissingBean(SmsApiClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.sms-api", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.SMS_API)
	SmsApiClient smsApiClient(JuheProductApiFactory factory, JuheSmsProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		JuheSmsProperties.SmsApi smsApi = properties.getSmsApi();
		return new SmsApiClient(factory.create(JuheProduct.SMS_API, smsApi.getBusyCodes()), smsApi.getVariablesFormat(),
				smsApi.toRules(),
				new TemplateChecks(TemplateCheckSettings.DEFAULTS, Clock.systemUTC(), meterRegistry.getIfUnique()),
				smsApi.templateTexts());
	}

	@Bean
	@ConditionalOnMissingBean(VideoSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.video", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.VIDEO)
	VideoSmsClient videoSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties,
			ObjectProvider<MeterRegistry> meterRegistry) {
		JuheSmsProperties.Video video = properties.getVideo();
		return new VideoSmsClient(factory.create(JuheProduct.VIDEO, video.getBusyCodes()), video.toRules(),
				templateChecks(video, meterRegistry));
	}

	private static TemplateChecks templateChecks(JuheSmsProperties.TemplatedProduct product,
			ObjectProvider<MeterRegistry> meterRegistry) {
		return new TemplateChecks(product.getTemplateCheck().toSettings(), Clock.systemUTC(),
				meterRegistry.getIfUnique());
	}

	/**
	 * The verification-code service, once {@code juhe.sms.codes.template-id} is set.
	 */
	@Configuration(proxyBeanMethods = false)
	@Conditional(OnCodesTemplateCondition.class)
	static class VerificationCodeServiceConfiguration {

		@Bean
		@ConditionalOnMissingBean(VerificationCodeService.class)
		VerificationCodeService verificationCodeService(JuheSmsProperties properties, JuheSmsAccounts accounts,
				ObjectProvider<VerificationCodeSmsClient> verificationCodeSms, ObjectProvider<SmsApiClient> smsApi,
				ObjectProvider<VerificationCodeStore> store) {
			JuheSmsProperties.Codes codes = properties.getCodes();
			long templateId = codes.getTemplateId();
			VerificationCodeSender sender = switch (codes.getProduct()) {
				case VERIFICATION_CODE -> VerificationCodeSender.verificationCodeSms(
						required(verificationCodeSms, "verification-code product", "verification-code"), templateId);
				case SMS_API ->
					VerificationCodeSender.smsApi(required(smsApi, "SMS API product", "sms-api"), templateId);
			};
			return new VerificationCodeService(sender, JuheSmsStores.verificationCodes(properties, store),
					codes.toSettings(), Clock.systemUTC(), JuheSmsStores.digest(properties), accounts);
		}

		private static <T> T required(ObjectProvider<T> provider, String product, String prefix) {
			T bean = provider.getIfAvailable();
			if (bean == null) {
				throw new JuheSmsConfigurationException("juhe.sms.codes.product", prefix,
						"names the " + product + ", whose client was not created",
						"Set juhe.sms." + prefix + ".key or juhe.sms.key, leave juhe.sms." + prefix
								+ ".enabled true, or set juhe.sms.codes.product to a product that has a key.");
			}
			return bean;
		}

	}

	/**
	 * Masks the Juhe keys and the store secret in {@code /actuator/configprops} and
	 * {@code /actuator/env} even when an application shows their values
	 * ({@code show-values=always}), which Boot would otherwise print in clear.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class KeySanitizingConfiguration {

		// juhe.sms.key, juhe.sms.<product>.key and juhe.sms.store-secret in every form
		// they bind from: JUHE_SMS_SMS_API_KEY, juhe.sms.smsApi.key,
		// juhe.sms.sms_api.key,
		// JUHE_SMS_STORESECRET and so on.
		private static final Pattern KEY_PROPERTY = Pattern
			.compile("(?i)^juhe[._-]?sms[._-](?:(?:[a-z0-9_.\\[\\]-]*[._])?key|store[._-]?secret)$");

		@Bean
		SanitizingFunction juheSmsKeySanitizingFunction() {
			return SanitizingFunction.sanitizeValue().ifKeyMatches(KEY_PROPERTY);
		}

	}

}

package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheHttpTransport;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.core.JuheRetrySettings;
import io.github.juhesms.core.FailFastSettings;
import io.github.juhesms.core.IdempotencySettings;
import io.github.juhesms.core.IdempotencyStore;
import io.github.juhesms.core.JuheSmsObservationConvention;
import io.github.juhesms.core.RetryBudgetSettings;
import io.github.juhesms.core.SendLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * Auto-configuration of the Juhe SMS clients: one shared HTTP transport built from Boot's
 * {@link RestClient.Builder}, and a client bean per product that is enabled and has a key. Every
 * {@code @ConditionalOnMissingBean} of the starter names its type: without one, Boot looks the bean
 * method up by reflection to deduce it, which shows in a cold start-up.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(JuheSmsProperties.class)
@Import({ JuheSmsProductsConfiguration.class, JuheSmsProtectionConfiguration.class,
		JuheSmsActuatorConfiguration.class })
public final class JuheSmsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(JuheHttpTransport.class)
	JuheHttpTransport juheSmsHttpTransport(JuheSmsProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<JuheSmsRestClientCustomizer> customizers, ResourceLoader resourceLoader) {
		JuheSmsRestClientFactory.warnIfPlainHttp(properties.getBaseUrl());
		// Built on first use: Boot's builder and the HTTP library's client take longer to create than
		// the rest of the starter together.
		return new JuheHttpTransport(() -> JuheSmsRestClientFactory.create(properties,
				restClientBuilder.getIfAvailable(RestClient::builder),
				requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), customizers.orderedStream().toList()),
				Math.toIntExact(properties.getMaxResponseSize().toBytes()));
	}

	@Bean
	@ConditionalOnMissingBean(JuheProductApiFactory.class)
	JuheProductApiFactory juheSmsProductApiFactory(JuheHttpTransport transport, JuheSmsProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JuheSmsObservationConvention> observationConvention,
			ObjectProvider<MeterRegistry> meterRegistry, ApplicationEventPublisher eventPublisher,
			ObjectProvider<SendLimiter> sendLimiter, ObjectProvider<IdempotencyStore> idempotencyStore) {
		JuheSmsProperties.Retry retry = properties.getRetry();
		JuheSmsProperties.Budget budget = retry.getBudget();
		JuheSmsProperties.FailFast failFast = properties.getFailFast();
		JuheSmsProperties.Idempotency idempotency = properties.getIdempotency();
		return JuheProductApiFactory.builder(transport)
			.retry(new JuheRetrySettings(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
					retry.getMaxInterval(), retry.getJitter()))
			.retryBudget(new RetryBudgetSettings(budget.isEnabled(), budget.getCapacity(), budget.getRefillInterval()))
			.failFast(new FailFastSettings(failFast.getCodes(), failFast.getCooldown()))
			.observations(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
					observationConvention.getIfUnique())
			.meterRegistry(meterRegistry.getIfUnique())
			.eventPublisher(eventPublisher)
			.sendLimiter(sendLimiter.getIfAvailable(() -> SendLimiter.UNLIMITED))
			.idempotency(new IdempotencySettings(JuheSmsStores.idempotencyKeys(properties, idempotencyStore),
					idempotency.getWindow(), idempotency.getWaitTimeout()))
			.build();
	}

}

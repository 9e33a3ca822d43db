package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheHttpTransport;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.core.JuheRetrySettings;
import io.github.juhesms.core.FailFastSettings;
import io.github.juhesms.core.JuheSmsObservationConvention;
import io.github.juhesms.core.RetryBudgetSettings;
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
 * {@link RestClient.Builder}, and a client bean per product that is enabled and has a key.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(JuheSmsProperties.class)
@Import({ InternationalSmsConfiguration.class, FinancialSmsConfiguration.class,
		VerificationCodeSmsConfiguration.class, SmsApiConfiguration.class, VideoSmsConfiguration.class,
		JuheSmsActuatorConfiguration.class })
public final class JuheSmsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JuheHttpTransport juheSmsHttpTransport(JuheSmsProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<JuheSmsRestClientCustomizer> customizers, ResourceLoader resourceLoader) {
		RestClient restClient = JuheSmsRestClientFactory.create(properties,
				restClientBuilder.getIfAvailable(RestClient::builder),
				requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), customizers.orderedStream().toList());
		return new JuheHttpTransport(restClient, Math.toIntExact(properties.getMaxResponseSize().toBytes()));
	}

	@Bean
	@ConditionalOnMissingBean
	JuheProductApiFactory juheSmsProductApiFactory(JuheHttpTransport transport, JuheSmsProperties properties,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<JuheSmsObservationConvention> observationConvention,
			ObjectProvider<MeterRegistry> meterRegistry, ApplicationEventPublisher eventPublisher) {
		JuheSmsProperties.Retry retry = properties.getRetry();
		JuheSmsProperties.Budget budget = retry.getBudget();
		JuheSmsProperties.FailFast failFast = properties.getFailFast();
		return JuheProductApiFactory.builder(transport)
			.retry(new JuheRetrySettings(retry.getMaxAttempts(), retry.getInitialInterval(), retry.getMultiplier(),
					retry.getMaxInterval(), retry.getJitter()))
			.retryBudget(new RetryBudgetSettings(budget.isEnabled(), budget.getCapacity(), budget.getRefillInterval()))
			.failFast(new FailFastSettings(failFast.getCodes(), failFast.getCooldown()))
			.observations(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
					observationConvention.getIfUnique())
			.meterRegistry(meterRegistry.getIfUnique())
			.eventPublisher(eventPublisher)
			.build();
	}

}

package io.github.juhesms.sample;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the send, code and demo endpoints behind a per-client rate limit and the API
 * token: whoever can reach the sample could otherwise send billed messages to anyone. The
 * actuator's health stays open.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SampleProperties.class)
class EndpointProtection {

	private static final String[] PROTECTED = { "/sms/*", "/codes/*", "/demo/*" };

	// First the rate, so a client without the token cannot make the app compare tokens
	// at any rate either.
	@Bean
	FilterRegistrationBean<ClientRateLimitFilter> clientRateLimitFilter(SampleProperties properties) {
		FilterRegistrationBean<ClientRateLimitFilter> registration = new FilterRegistrationBean<>(
				new ClientRateLimitFilter(properties.getRateLimitRequests(), properties.getRateLimitPeriod()));
		registration.addUrlPatterns(PROTECTED);
		registration.setOrder(1);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ApiTokenFilter> apiTokenFilter(SampleProperties properties) {
		FilterRegistrationBean<ApiTokenFilter> registration = new FilterRegistrationBean<>(
				new ApiTokenFilter(properties.getApiToken()));
		registration.addUrlPatterns(PROTECTED);
		registration.setOrder(2);
		return registration;
	}

}

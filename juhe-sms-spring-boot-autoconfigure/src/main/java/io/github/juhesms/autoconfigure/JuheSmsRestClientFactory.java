package io.github.juhesms.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient} of the Juhe clients when the transport first needs it:
 * from a clone of Boot's builder, so Boot's HTTP library choice, SSL bundles and
 * {@code http.client.requests} observations apply, with the starter's timeouts, no
 * redirects and no retry of the HTTP library's own. A named supplier rather than a
 * lambda, which costs more to link during a cold start-up.
 */
final class JuheSmsRestClientFactory implements Supplier<RestClient> {

	private static final Log logger = LogFactory.getLog(JuheSmsRestClientFactory.class);

	private final JuheSmsProperties properties;

	private final ObjectProvider<RestClient.Builder> restClientBuilder;

	private final ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder;

	private final ObjectProvider<HttpClientSettings> httpClientSettings;

	private final ObjectProvider<JuheSmsRestClientCustomizer> customizers;

	private final ClassLoader classLoader;

	JuheSmsRestClientFactory(JuheSmsProperties properties, ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<JuheSmsRestClientCustomizer> customizers, @Nullable ClassLoader classLoader) {
		this.properties = properties;
		this.restClientBuilder = restClientBuilder;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.httpClientSettings = httpClientSettings;
		this.customizers = customizers;
		this.classLoader = (classLoader != null) ? classLoader : JuheSmsRestClientFactory.class.getClassLoader();
	}

	@Override
	public RestClient get() {
		return create(this.properties, this.restClientBuilder.getIfAvailable(RestClient::builder),
				this.requestFactoryBuilder
					.getIfAvailable(() -> ClientHttpRequestFactoryBuilder.detect(this.classLoader)),
				this.httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				this.customizers.orderedStream().toList());
	}

	private static RestClient create(JuheSmsProperties properties, RestClient.Builder bootBuilder,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, HttpClientSettings bootSettings,
			List<JuheSmsRestClientCustomizer> customizers) {
		String baseUrl = properties.getBaseUrl();
		// A redirect of a billed POST is never followed silently: it surfaces as an
		// invalid response.
		HttpClientSettings settings = bootSettings
			.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout())
			.withRedirects(HttpRedirects.DONT_FOLLOW);
		RestClient.Builder builder = bootBuilder.clone()
			.uriBuilderFactory(new JuheUriBuilderFactory(baseUrl))
			.requestFactory(tuned(requestFactoryBuilder, properties.getMaxConnections()).build(settings));
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	static void warnIfPlainHttp(String baseUrl) {
		if (isPlainHttpOverTheNetwork(baseUrl)) {
			logger.warn("juhe.sms.base-url is " + baseUrl
					+ ": the Juhe key will travel in clear text; use https outside tests");
		}
	}

	// Plain http to a loopback address (a local fake server) does not expose the key on a
	// network.
	private static boolean isPlainHttpOverTheNetwork(String baseUrl) {
		URI uri = URI.create(baseUrl);
		if (!"http".equalsIgnoreCase(uri.getScheme())) {
			return false;
		}
		String host = (uri.getHost() != null) ? uri.getHost() : "";
		return !(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
	}

	// The starter's retry loop must be the only one: a library that resends a POST by
	// itself could send a billed message twice.
	private static ClientHttpRequestFactoryBuilder<?> tuned(ClientHttpRequestFactoryBuilder<?> builder,
			int maxConnections) {
		// Apache HttpClient 5 is optional.
		if (ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
				JuheSmsRestClientFactory.class.getClassLoader())
				&& builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			return HttpComponents.tune(httpComponents, maxConnections);
		}
		return builder;
	}

	private static final class HttpComponents {

		// No automatic retries: by default the library would resend even a POST that got
		// a 503. A pooled connection idle for a second is checked before a POST is
		// written on it, so a connection the server has closed is replaced instead of
		// losing a billed request's answer. Every connection goes to one host: the pool's
		// default of 5 per host would queue concurrent sends.
		static ClientHttpRequestFactoryBuilder<?> tune(HttpComponentsClientHttpRequestFactoryBuilder builder,
				int maxConnections) {
			return builder.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries)
				.withConnectionConfigCustomizer((config) -> config.setValidateAfterInactivity(TimeValue.ofSeconds(1)))
				.withConnectionManagerCustomizer(
						(manager) -> manager.setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections));
		}

	}

}

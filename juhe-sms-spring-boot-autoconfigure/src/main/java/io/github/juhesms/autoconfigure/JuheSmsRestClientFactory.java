package io.github.juhesms.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import io.github.juhesms.call.AttemptDeadline;
import org.apache.hc.client5.http.ConnectionKeepAliveStrategy;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.impl.DefaultConnectionKeepAliveStrategy;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.util.TimeValue;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.SimpleClientHttpRequestFactoryBuilder;
import org.springframework.http.client.ClientHttpRequestFactory;
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

	/** Looked up by name: Apache HttpClient 5 is optional. */
	static final String APACHE_HTTP_CLIENT = "org.apache.hc.client5.http.impl.classic.HttpClientBuilder";

	private static final String APACHE_WIRE_LOG = "org.apache.hc.client5.http.wire";

	private static final String JDK_CLIENT_LOG = "jdk.httpclient.HttpClient.log";

	private static final String JDK_CLIENT_DEBUG = "jdk.internal.httpclient.debug";

	private static final String URL_CONNECTION_LOG = "sun.net.www.protocol.http.HttpURLConnection";

	private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(?:\\.\\d{1,3}){3}");

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
			.requestFactory(requestFactory(requestFactoryBuilder, settings, properties));
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	static void warnIfPlainHttp(String baseUrl) {
		if (isPlainHttpOverTheNetwork(baseUrl)) {
			logger.warn("juhe.sms.base-url is " + baseUrl
					+ ": the Juhe key will travel in clear text; use https outside tests");
		}
	}

	// The HTTP libraries' own wire logs print the form, the key in it, whatever the
	// starter masks.
	static void warnIfWireLogging() {
		List<String> on = new ArrayList<>();
		if (LogFactory.getLog(APACHE_WIRE_LOG).isDebugEnabled()) {
			on.add("logger " + APACHE_WIRE_LOG + " (Apache HttpClient 5)");
		}
		String jdkLog = System.getProperty(JDK_CLIENT_LOG, "");
		if (jdkLog.contains("all") || jdkLog.contains("content") || jdkLog.contains("headers")
				|| Boolean.getBoolean(JDK_CLIENT_DEBUG)) {
			on.add("system property " + JDK_CLIENT_LOG + "=" + jdkLog + " or " + JDK_CLIENT_DEBUG
					+ " (JDK HttpClient)");
		}
		// The JDK logs HttpURLConnection through java.util.logging unless told otherwise.
		if (java.util.logging.Logger.getLogger(URL_CONNECTION_LOG).isLoggable(java.util.logging.Level.FINE)) {
			on.add("logger " + URL_CONNECTION_LOG + " (HttpURLConnection)");
		}
		if (!on.isEmpty()) {
			logger.warn("HTTP wire logging is on: " + String.join(", ", on) + ". It prints the requests the Juhe "
					+ "clients make, with the Juhe key and phone numbers in clear; turn it off outside local debugging");
		}
	}

	// Plain http to a loopback address (a local fake server) does not expose the key on a
	// network. Decided from the address itself, never from a name that merely looks like
	// one (127.attacker.example) and without a DNS lookup.
	static boolean isPlainHttpOverTheNetwork(String baseUrl) {
		URI uri = URI.create(baseUrl);
		if (!"http".equalsIgnoreCase(uri.getScheme())) {
			return false;
		}
		String host = (uri.getHost() != null) ? uri.getHost() : "";
		return !(host.equalsIgnoreCase("localhost") || isLoopbackLiteral(host));
	}

	private static boolean isLoopbackLiteral(String host) {
		if (IPV4_LITERAL.matcher(host).matches()) {
			String[] octets = host.split("\\.");
			return octets[0].equals("127") && Arrays.stream(octets).allMatch((octet) -> Integer.parseInt(octet) <= 255);
		}
		if (host.startsWith("[") && host.endsWith("]")) {
			try {
				// With a colon, the JDK parses the literal and never looks it up.
				return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return false;
	}

	// The starter's retry loop must be the only one: a library that resends a POST by
	// itself could send a billed message twice. The JDK's two clients have no idle
	// timeout of their own and HttpURLConnection no abort that Boot's factory exposes.
	private static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder,
			HttpClientSettings settings, JuheSmsProperties properties) {
		Duration idleTimeout = properties.getConnectionIdleTimeout();
		if (ClassUtils.isPresent(APACHE_HTTP_CLIENT, JuheSmsRestClientFactory.class.getClassLoader())
				&& builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents) {
			return HttpComponents.tune(httpComponents, properties.getMaxConnections(), idleTimeout).build(settings);
		}
		if (builder instanceof JdkClientHttpRequestFactoryBuilder) {
			return new JuheJdkClientHttpRequestFactory(() -> builder.build(settings), idleTimeout);
		}
		if (builder instanceof SimpleClientHttpRequestFactoryBuilder) {
			return new JuheSimpleClientHttpRequestFactory(settings, idleTimeout);
		}
		return builder.build(settings);
	}

	private static final class HttpComponents {

		// No automatic retries: by default the library would resend even a POST that got
		// a 503. A pooled connection idle for a second is checked before a POST is
		// written on it, so a connection the server has closed is replaced instead of
		// losing a billed request's answer. Every connection goes to one host: the pool's
		// default of 5 per host would queue concurrent sends. A connection idle past the
		// idle timeout (or the server's shorter Keep-Alive timeout) is closed when next
		// leased rather than written on: a server closing it at that moment would lose a
		// billed request's answer.
		static ClientHttpRequestFactoryBuilder<?> tune(HttpComponentsClientHttpRequestFactoryBuilder builder,
				int maxConnections, Duration idleTimeout) {
			TimeValue idle = TimeValue.of(idleTimeout);
			ConnectionKeepAliveStrategy keepAlive = (response, context) -> DefaultConnectionKeepAliveStrategy.INSTANCE
				.getKeepAliveDuration(response, context)
				.min(idle);
			return builder
				.withHttpClientCustomizer((client) -> client.disableAutomaticRetries()
					.setKeepAliveStrategy(keepAlive)
					.addExecInterceptorFirst("juhe-sms-attempt-deadline", HttpComponents::registerCancel))
				.withConnectionConfigCustomizer((config) -> config.setValidateAfterInactivity(TimeValue.ofSeconds(1)))
				.withConnectionManagerCustomizer(
						(manager) -> manager.setMaxConnPerRoute(maxConnections).setMaxConnTotal(maxConnections));
		}

		// Cancelling the request closes its connection at once, whether the request is
		// being written or its answer read.
		private static ClassicHttpResponse registerCancel(ClassicHttpRequest request, ExecChain.Scope scope,
				ExecChain chain) throws IOException, HttpException {
			if (scope.originalRequest instanceof Cancellable cancellable) {
				AttemptDeadline.onExpiry(cancellable::cancel);
			}
			// First in the library's chain: nothing has been sent yet.
			AttemptDeadline.libraryReached();
			return chain.proceed(request, scope);
		}

	}

}

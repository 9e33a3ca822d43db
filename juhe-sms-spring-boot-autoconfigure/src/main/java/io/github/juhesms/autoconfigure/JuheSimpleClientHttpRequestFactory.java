package io.github.juhesms.autoconfigure;

import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.time.Duration;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;

import io.github.juhesms.call.AttemptDeadline;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * {@code HttpURLConnection} requests with Boot's settings (timeouts, SSL bundle, no
 * redirects), a deadline that disconnects the exchange, and an idle timeout: the JDK
 * keeps idle connections in one JVM-wide cache and reuses one only for the same
 * {@link Authenticator}, so every idle timeout the connections get a new one, which asks
 * the default for credentials as the JDK would.
 */
final class JuheSimpleClientHttpRequestFactory extends SimpleClientHttpRequestFactory {

	private final @Nullable SSLSocketFactory sslSocketFactory;

	private final Generations<Authenticator> authenticators;

	JuheSimpleClientHttpRequestFactory(HttpClientSettings settings, Duration idleTimeout) {
		if (settings.connectTimeout() != null) {
			setConnectTimeout(settings.connectTimeout());
		}
		if (settings.readTimeout() != null) {
			setReadTimeout(settings.readTimeout());
		}
		SslBundle sslBundle = settings.sslBundle();
		// One factory for every connection: the JDK reuses a connection only for the
		// same one.
		this.sslSocketFactory = (sslBundle != null) ? sslBundle.createSslContext().getSocketFactory() : null;
		this.authenticators = new Generations<>(DefaultAuthenticator::new, idleTimeout);
	}

	@Override
	protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
		super.prepareConnection(connection, httpMethod);
		connection.setInstanceFollowRedirects(false);
		if (this.sslSocketFactory != null && connection instanceof HttpsURLConnection https) {
			https.setSSLSocketFactory(this.sslSocketFactory);
		}
		connection.setAuthenticator(this.authenticators.current());
		// Closing the body of an answer given up part-way would leave the JDK to drain it
		// in the background and pool the connection again; disconnecting closes it.
		AttemptDeadline.onExpiry(connection::disconnect);
		// Nothing is sent before the connection is opened, after the body is written.
		AttemptDeadline.libraryReached();
	}

	private static final class DefaultAuthenticator extends Authenticator {

		@Override
		protected @Nullable PasswordAuthentication getPasswordAuthentication() {
			return Authenticator.requestPasswordAuthentication(getRequestingHost(), getRequestingSite(),
					getRequestingPort(), getRequestingProtocol(), getRequestingPrompt(), getRequestingScheme(),
					getRequestingURL(), getRequestorType());
		}

	}

}

package io.github.juhesms.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.juhesms.call.AttemptDeadline;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Requests through a JDK {@code HttpClient} replaced by a new one every idle timeout: the
 * JDK keeps an idle connection for the JVM-wide {@code jdk.httpclient.keepalive.timeout}
 * (1,200 s on Java 17), far past servers' own keep-alive timeouts, and has no setting per
 * client. A replaced client's idle connections are never used again and close with it.
 */
final class JuheJdkClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final Generations<ClientHttpRequestFactory> clients;

	JuheJdkClientHttpRequestFactory(Supplier<ClientHttpRequestFactory> client, Duration idleTimeout) {
		this.clients = new Generations<>(client, idleTimeout);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		// Called where the request reaches the HTTP library: after every interceptor,
		// before the body is written and sent.
		AttemptDeadline.libraryReached();
		return this.clients.current().createRequest(uri, httpMethod);
	}

}

package io.github.juhesms.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;

import io.github.juhesms.call.AttemptDeadline;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * An HTTP "transport" that answers every request with the SMS API's success response
 * without any I/O, so that a benchmark measures only the code above the transport: the
 * starter's, or a hand-written {@code RestClient} call's, each with Boot's observations.
 */
final class InMemoryJuhe implements ClientHttpRequestFactory {

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
		// As the hooks of the HTTP clients the starter builds do: without it the starter
		// would keep its hand-over interceptor, which only a foreign transport needs.
		AttemptDeadline.libraryReached();
		return new AbstractBufferingClientHttpRequest() {

			@Override
			public HttpMethod getMethod() {
				return method;
			}

			@Override
			public URI getURI() {
				return uri;
			}

			@Override
			protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) {
				return new Answer();
			}

		};
	}

	private static final class Answer implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() {
			return HttpStatus.OK;
		}

		@Override
		public String getStatusText() {
			return "OK";
		}

		@Override
		public HttpHeaders getHeaders() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.setContentLength(LoopbackStub.SMS_API_SENT.length);
			return headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(LoopbackStub.SMS_API_SENT);
		}

		@Override
		public void close() {
		}

	}

	/**
	 * Makes the in-memory transport the one Boot's {@code RestClient} builder, and so the
	 * starter, uses. Not a {@code @Configuration}: component scanning would give it to
	 * every benchmark's application; only the in-memory ones add it as a source.
	 */
	static class Transport {

		@Bean
		ClientHttpRequestFactoryBuilder<InMemoryJuhe> inMemoryJuhe() {
			return (settings) -> new InMemoryJuhe();
		}

	}

}

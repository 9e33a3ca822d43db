package io.github.juhesms.call;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import javax.net.ssl.SSLHandshakeException;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsLocalFailureException;
import io.github.juhesms.error.JuheSmsTransportException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Posts a form to Juhe and hands back the raw answer. The key travels only in the form
 * body. Any status and any Content-Type is read the same way: whether it is an envelope
 * is the {@link JuheResponseParser}'s call. I/O failures are split into "the connection
 * never opened" (Juhe cannot have seen the request) and "the request may have been
 * written".
 */
public class JuheHttpTransport {

	private final Supplier<RestClient> restClient;

	private final Supplier<RestClient> handingOver;

	// Whether an attempt has shown that the client's HTTP library runs the starter's
	// hooks; from then on they mark the hand-over and the interceptor is left out.
	private volatile boolean hooked;

	private static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(13);

	private final int maxResponseBytes;

	private final Duration attemptTimeout;

	/**
	 * Create a transport whose attempts end after 13 seconds, the default connect and
	 * read timeouts together.
	 * @param restClient a client whose base URL is the Juhe host
	 * @param maxResponseBytes the largest body read; a longer one is reported as an
	 * invalid response
	 */
	public JuheHttpTransport(RestClient restClient, int maxResponseBytes) {
		this(() -> restClient, maxResponseBytes, DEFAULT_ATTEMPT_TIMEOUT);
	}

	/**
	 * Create a transport whose client is built on first use, so building the HTTP
	 * library's client does not add to the application's start-up.
	 * @param restClient supplies a client whose base URL is the Juhe host; called once
	 * @param maxResponseBytes the largest body read; a longer one is reported as an
	 * invalid response
	 * @param attemptTimeout the longest one HTTP attempt takes, from connecting to the
	 * answer's last byte; past it the exchange is broken off
	 */
	public JuheHttpTransport(Supplier<RestClient> restClient, int maxResponseBytes, Duration attemptTimeout) {
		this.restClient = SingletonSupplier.of(restClient);
		// Innermost, after every interceptor of the application's: a failure before it
		// ran happened with nothing sent. An interceptor makes Spring buffer the body and
		// copy the headers (4 KB and 0.6 us a call), so it is used only until the hooks
		// of the starter's own HTTP clients are seen to mark the hand-over; a client
		// whose library the starter did not build (a customizer's request factory) keeps
		// it for good.
		this.handingOver = SingletonSupplier
			.of(() -> this.restClient.get().mutate().requestInterceptor(JuheHttpTransport::handOver).build());
		this.maxResponseBytes = maxResponseBytes;
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * Post a form-encoded body to a path of the Juhe host, keeping a secret out of the
	 * answer: a proxy's error page or a misbehaving server may echo the request, and
	 * whatever the answer holds ends up in exception messages, events and logs.
	 * @param operation the operation being called
	 * @param body the encoded form, key included
	 * @param secret a value to replace with {@code ****} wherever the answer holds it, as
	 * sent or URL-encoded (the key), or {@code null}
	 * @return the status and body of the answer, without the secret
	 * @throws JuheSmsTransportException if no answer arrived
	 * @throws JuheSmsInvalidResponseException if the body is larger than the limit
	 */
	public Response post(JuheOperation operation, byte[] body, @Nullable String secret) {
		Response response;
		AttemptDeadline deadline = AttemptDeadline.start(this.attemptTimeout);
		try {
			RestClient client = this.hooked ? this.restClient.get() : this.handingOver.get();
			response = client.post()
				.uri(operation.fullPath())
				.contentType(FormContentType.UTF_8)
				.body(body)
				.exchange((request, answer) -> read(answer.getStatusCode().value(),
						answer.getHeaders().getContentLength(), answer.getBody(), secret, deadline), true);
		}
		catch (JuheSmsException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (!deadline.handedOver()) {
				throw new JuheSmsLocalFailureException(operation,
						(ex instanceof RestClientException && ex.getCause() != null) ? ex.getCause() : ex);
			}
			if (ex instanceof RestClientException) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				throw new JuheSmsTransportException(operation, !isConnectFailure(cause), timedOut(deadline, cause));
			}
			// An answer too garbled for the HTTP library to make a response of
			// (HttpURLConnection reads random bytes as status -1, which Spring refuses
			// with an IllegalArgumentException). The request was written, so this is a
			// lost answer like any other, never a raw exception that would leave the
			// caller without an outcome.
			throw new JuheSmsTransportException(operation, !isConnectFailure(ex), timedOut(deadline, ex));
		}
		finally {
			deadline.end();
		}
		if (!this.hooked && deadline.reachedByHook()) {
			// The client's request factory is fixed: its library runs the hooks on every
			// attempt from now on.
			this.hooked = true;
		}
		if (response.truncated()) {
			// Grouped digits: a run of seven would be masked like a phone number.
			throw JuheResponseParser.invalid(operation, response.status(), response.body(),
					String.format(Locale.ROOT, "body larger than the maximum of %,d bytes", this.maxResponseBytes),
					false, null);
		}
		return response;
	}

	private Response read(int status, long contentLength, InputStream in, @Nullable String secret,
			AttemptDeadline deadline) throws IOException {
		// A declared length within the limit is read into a buffer of that size, not in 8
		// KB steps.
		int limit = (contentLength >= 0 && contentLength <= this.maxResponseBytes) ? (int) contentLength
				: this.maxResponseBytes + 1;
		byte[] bytes;
		try {
			bytes = readUpTo(in, limit, deadline);
		}
		catch (IOException ex) {
			// Where the answer broke off is unknown: the connection must not carry
			// another.
			abandon(in, deadline);
			throw ex;
		}
		boolean truncated = bytes.length > this.maxResponseBytes;
		if (truncated) {
			abandon(in, deadline);
		}
		byte[] kept = truncated ? Arrays.copyOf(bytes, this.maxResponseBytes) : bytes;
		return new Response(status, (secret != null) ? Masking.secret(kept, secret) : kept, truncated);
	}

	private static ClientHttpResponse handOver(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		AttemptDeadline.handOver();
		return execution.execute(request, body);
	}

	// Each read returns what has arrived, so an answer trickling in meets the deadline
	// between two reads even where the HTTP library cannot be aborted mid-read.
	private static byte[] readUpTo(InputStream in, int limit, AttemptDeadline deadline) throws IOException {
		byte[] buffer = new byte[Math.min(limit, 8192)];
		int length = 0;
		while (length < limit) {
			if (length == buffer.length) {
				buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
			}
			int read = in.read(buffer, length, buffer.length - length);
			if (deadline.expired()) {
				throw deadlinePassed(deadline);
			}
			if (read < 0) {
				break;
			}
			length += read;
		}
		return (length == buffer.length) ? buffer : Arrays.copyOf(buffer, length);
	}

	// Whatever the HTTP library made of the abort (a closed socket, an interrupt), the
	// caller learns that the deadline passed.
	private static Throwable timedOut(AttemptDeadline deadline, Throwable failure) {
		if (!deadline.expired() || failure instanceof AttemptTimeoutException) {
			return failure;
		}
		AttemptTimeoutException timeout = deadlinePassed(deadline);
		timeout.initCause(failure);
		return timeout;
	}

	private static AttemptTimeoutException deadlinePassed(AttemptDeadline deadline) {
		return new AttemptTimeoutException(
				"the attempt took longer than juhe.sms.attempt-timeout (" + deadline.timeout().toMillis() + " ms)");
	}

	// Closing the response would read the rest of the body to keep the connection (all of
	// an endless one); instead the connection is closed with the rest unread, so it never
	// goes back to the pool: by the abort the starter registered with the library
	// (Apache HttpClient's cancel, HttpURLConnection's disconnect), else by Apache's body
	// abort where a customizer replaced the starter's client, else by closing the body,
	// which closes the JDK HttpClient's connection when the body is not at its end.
	private static void abandon(InputStream body, AttemptDeadline deadline) {
		try {
			if (deadline.abortExchange()) {
				body.close();
			}
			else if (body.getClass().getName().equals(HttpComponents.ABORTABLE_BODY)) {
				HttpComponents.abort(body);
			}
			else {
				body.close();
			}
		}
		catch (IOException ex) {
			// The connection is gone either way.
		}
	}

	/**
	 * Whether a failure happened before a connection to Juhe was open, so no byte of the
	 * request can have reached it.
	 * @param failure the failure or one of its causes
	 * @return {@code true} for refused connections, connect timeouts, unknown hosts and
	 * failed TLS handshakes
	 */
	static boolean isConnectFailure(@Nullable Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof ConnectException || ex instanceof UnknownHostException
					|| ex instanceof NoRouteToHostException || ex instanceof HttpConnectTimeoutException
					|| ex instanceof SSLHandshakeException) {
				return true;
			}
			// HttpURLConnection uses one exception type for connect and read timeouts.
			if (ex instanceof SocketTimeoutException && ex.getMessage() != null
					&& ex.getMessage().toLowerCase(Locale.ROOT).contains("connect timed out")) {
				return true;
			}
			// Apache HttpClient 5 is optional, so compare by name rather than load the
			// class.
			if (ex.getClass().getName().equals("org.apache.hc.client5.http.ConnectTimeoutException")) {
				return true;
			}
		}
		return false;
	}

	// Apache HttpClient 5 is optional: loaded only when its body is in hand.
	private static final class HttpComponents {

		static final String ABORTABLE_BODY = "org.apache.hc.core5.http.io.EofSensorInputStream";

		static void abort(InputStream body) throws IOException {
			((org.apache.hc.core5.http.io.EofSensorInputStream) body).abort();
		}

	}

	// Created on the first post.
	private static final class FormContentType {

		static final MediaType UTF_8 = new MediaType(MediaType.APPLICATION_FORM_URLENCODED, StandardCharsets.UTF_8);

	}

	/**
	 * An attempt broke off at its deadline; the request may have been written.
	 */
	static final class AttemptTimeoutException extends SocketTimeoutException {

		AttemptTimeoutException(String message) {
			super(message);
		}

	}

	/**
	 * Raw answer of Juhe.
	 *
	 * @param status the HTTP status code
	 * @param body the body, at most the configured maximum
	 * @param truncated whether the body was longer than the maximum
	 */
	public record Response(int status, byte[] body, boolean truncated) {

	}

}

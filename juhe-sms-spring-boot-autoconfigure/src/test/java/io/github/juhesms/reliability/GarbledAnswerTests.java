package io.github.juhesms.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.event.JuheSmsOutcomeUnknownEvent;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.SharedJuheContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An answer that is not HTTP at all (which {@code HttpURLConnection} reads as status -1,
 * refused by Spring with an {@link IllegalArgumentException}) is a lost answer like any
 * other, whatever the HTTP client: one request, a {@link JuheSmsTransportException} with
 * an unknown outcome, one event.
 */
class GarbledAnswerTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void answerThatIsNotHttpIsALostAnswerOfOneRequest(HttpClientKind client) throws Exception {
		try (NotHttpServer server = new NotHttpServer();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						"juhe.sms.read-timeout=2s", "juhe.sms.retry.initial-interval=10ms")) {
			assertThatExceptionOfType(JuheSmsTransportException.class)
				.isThrownBy(() -> shared.context()
					.getBean(InternationalSmsClient.class)
					.send(InternationalSmsRequest.of("44", "7911123456", 12)))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isTrue();
					assertThat(ex.isRetryable()).isFalse();
					assertThat(ex.getAttempts()).isOne();
				});
			assertThat(server.requests).hasValue(1);
			assertThat(shared.events()).singleElement().isInstanceOf(JuheSmsOutcomeUnknownEvent.class);
		}
	}

	/**
	 * Reads each request's head and body, then answers a line that is no HTTP status line
	 * and closes.
	 */
	static final class NotHttpServer implements AutoCloseable {

		final AtomicInteger requests = new AtomicInteger();

		private final ServerSocket socket = new ServerSocket(0);

		private final Thread thread = new Thread(this::serve, "not-http-server");

		NotHttpServer() throws IOException {
			this.thread.setDaemon(true);
			this.thread.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		private void serve() {
			while (!this.socket.isClosed()) {
				try (Socket connection = this.socket.accept()) {
					readRequest(connection.getInputStream());
					this.requests.incrementAndGet();
					OutputStream out = connection.getOutputStream();
					out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		// Reads up to the end of the head, then Content-Length bytes of body.
		private static void readRequest(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					return;
				}
				head.append((char) b);
			}
			String lower = head.toString().toLowerCase(Locale.ROOT);
			int at = lower.indexOf("content-length:");
			if (at >= 0) {
				int end = lower.indexOf("\r\n", at);
				int length = Integer.parseInt(lower.substring(at + "content-length:".length(), end).strip());
				in.readNBytes(length);
			}
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}

package io.github.juhesms.reliability;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.event.JuheSmsOutcomeUnknownEvent;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.RawHttpServer;
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
		try (NotHttpServer server = new NotHttpServer().start();
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
	static final class NotHttpServer extends RawHttpServer {

		final AtomicInteger requests = new AtomicInteger();

		NotHttpServer() throws IOException {
		}

		@Override
		protected void serve(Socket connection) throws IOException {
			if (readRequest(connection.getInputStream())) {
				this.requests.incrementAndGet();
				write(connection.getOutputStream(), "NOT HTTP AT ALL\r\n\r\n");
			}
		}

	}

}

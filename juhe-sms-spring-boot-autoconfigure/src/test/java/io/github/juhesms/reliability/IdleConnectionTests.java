package io.github.juhesms.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.RawHttpServer;
import io.github.juhesms.test.SharedJuheContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection idle longer than {@code juhe.sms.connection-idle-timeout} is closed by the
 * starter, not written on: a server that closes idle connections (as nginx does after 75
 * s) would otherwise lose a send written just as it closes, which then is "outcome
 * unknown". The server here stands for that race at its worst: a request arriving on a
 * connection idle for 1.5 s or more is read and dropped unanswered.
 */
class IdleConnectionTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void connectionIdlePastTheTimeoutIsNotWrittenOn(HttpClientKind client) throws Exception {
		try (IdleClosingServer server = new IdleClosingServer().start();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						"juhe.sms.connection-idle-timeout=1s", "juhe.sms.retry.max-attempts=1")) {
			InternationalSmsClient sms = shared.context().getBean(InternationalSmsClient.class);
			assertThat(sms.send(InternationalSmsRequest.of("44", "7911123456", 12)).sid()).isEqualTo("s1");
			assertThat(sms.send(InternationalSmsRequest.of("44", "7911123456", 12)).sid()).isEqualTo("s1");
			Thread.sleep(1600);
			assertThat(sms.send(InternationalSmsRequest.of("44", "7911123456", 12)).sid()).isEqualTo("s1");
			assertThat(server.dropped).hasValue(0);
			assertThat(server.connections()).isEqualTo(2);
		}
	}

	/** Answers every request, except one on a connection idle for 1.5 s or more. */
	static final class IdleClosingServer extends RawHttpServer {

		final AtomicInteger dropped = new AtomicInteger();

		IdleClosingServer() throws IOException {
		}

		@Override
		protected void serve(Socket connection) throws IOException {
			InputStream in = connection.getInputStream();
			long idleSince = -1;
			while (readRequest(in)) {
				if (idleSince >= 0 && System.nanoTime() - idleSince >= 1_500_000_000L) {
					this.dropped.incrementAndGet();
					return;
				}
				writeOk(connection.getOutputStream());
				idleSince = System.nanoTime();
			}
		}

	}

}

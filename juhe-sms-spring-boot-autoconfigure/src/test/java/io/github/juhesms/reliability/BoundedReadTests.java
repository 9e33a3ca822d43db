package io.github.juhesms.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
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
 * Answers the starter must not read to their end, and connections it must not use again,
 * on every HTTP client: an endless answer past {@code max-response-size} is cut off, not
 * drained; a connection whose answer was short, too long or not HTTP is closed, so the
 * next send opens a new one instead of reading the rest of a bad answer.
 */
class BoundedReadTests {

	// Far beyond anything socket buffers hold: draining would write all of it.
	private static final long ENDLESS = 512L * 1024 * 1024;

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void answerPastTheMaximumIsCutOffNotDrained(HttpClientKind client) throws Exception {
		try (HostileServer server = new HostileServer(Answer.ENDLESS).start();
				SharedJuheContext shared = start(client, server)) {
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> send(shared))
				.withMessageContaining("body larger than the maximum of 65,536 bytes");
			long written = server.awaitWriterDone();
			// The figure docs/reliability.md quotes.
			System.out.printf("endless answer on %s: %,d bytes written before the cut%n", client, written);
			assertThat(written).isLessThan(ENDLESS / 8);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void connectionOfAnAnswerLongerThanTheMaximumIsNotUsedAgain(HttpClientKind client) throws Exception {
		try (HostileServer server = new HostileServer(Answer.TOO_LONG).start();
				SharedJuheContext shared = start(client, server)) {
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> send(shared));
			assertThat(send(shared)).isEqualTo("s1");
			assertThat(server.connections()).isEqualTo(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void connectionOfAShortAnswerIsNotUsedAgain(HttpClientKind client) throws Exception {
		try (HostileServer server = new HostileServer(Answer.SHORT).start();
				SharedJuheContext shared = start(client, server)) {
			assertThatExceptionOfType(JuheSmsException.class).isThrownBy(() -> send(shared))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			assertThat(send(shared)).isEqualTo("s1");
			assertThat(server.connections()).isEqualTo(2);
		}
	}

	private static SharedJuheContext start(HttpClientKind client, HostileServer server) {
		return SharedJuheContext.start(client, "http://localhost:" + server.port(), "juhe.sms.read-timeout=1s",
				"juhe.sms.max-response-size=64KB", "juhe.sms.retry.max-attempts=1");
	}

	private static String send(SharedJuheContext shared) {
		return shared.context()
			.getBean(InternationalSmsClient.class)
			.send(InternationalSmsRequest.of("44", "7911123456", 12))
			.sid();
	}

	/** What the server answers to the first request of its first connection. */
	enum Answer {

		/** A chunked answer that goes on until the client stops reading. */
		ENDLESS,

		/** A well-framed answer of 1 MB, far past the 64 KB maximum. */
		TOO_LONG,

		/** An answer holding 40 bytes of the 400 its Content-Length promises. */
		SHORT

	}

	/**
	 * Answers the first request badly and every later one well, on whatever connection it
	 * arrives, keeping connections open as HTTP/1.1 allows.
	 */
	static final class HostileServer extends RawHttpServer {

		private final AtomicInteger requests = new AtomicInteger();

		private final AtomicLong written = new AtomicLong();

		private final CountDownLatch writerDone = new CountDownLatch(1);

		private final Answer answer;

		HostileServer(Answer answer) throws IOException {
			this.answer = answer;
		}

		long awaitWriterDone() throws InterruptedException {
			this.writerDone.await(60, TimeUnit.SECONDS);
			return this.written.get();
		}

		@Override
		protected void serve(Socket connection) throws IOException {
			try {
				InputStream in = connection.getInputStream();
				OutputStream out = connection.getOutputStream();
				while (readRequest(in)) {
					if (this.requests.incrementAndGet() == 1) {
						answerBadly(out);
					}
					else {
						writeOk(out);
					}
				}
			}
			finally {
				this.writerDone.countDown();
			}
		}

		private void answerBadly(OutputStream out) throws IOException {
			switch (this.answer) {
				case ENDLESS -> {
					write(out,
							"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
					byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
					while (this.written.get() < ENDLESS) {
						out.write(chunk);
						this.written.addAndGet(0x2000);
					}
				}
				case TOO_LONG -> {
					int length = 1024 * 1024;
					write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length
							+ "\r\n\r\n{\"x\":\"");
					byte[] block = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
					for (int sent = 6; sent < length; sent += block.length) {
						out.write(block, 0, Math.min(block.length, length - sent));
					}
					out.flush();
				}
				case SHORT -> write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400"
						+ "\r\n\r\n{\"reason\":\"ok\",\"result\":{\"sid\":\"s");
			}
		}

	}

}

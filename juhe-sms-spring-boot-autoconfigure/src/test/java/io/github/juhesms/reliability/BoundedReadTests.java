package io.github.juhesms.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.HttpClientKind;
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

	private static final String OK = "{\"reason\":\"ok\",\"result\":{\"sid\":\"s1\",\"fee\":1,\"count\":1},"
			+ "\"error_code\":0}";

	// Far beyond anything socket buffers hold: draining would write all of it.
	private static final long ENDLESS = 512L * 1024 * 1024;

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void answerPastTheMaximumIsCutOffNotDrained(HttpClientKind client) throws Exception {
		try (HostileServer server = new HostileServer(Answer.ENDLESS);
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
		try (HostileServer server = new HostileServer(Answer.TOO_LONG);
				SharedJuheContext shared = start(client, server)) {
			assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> send(shared));
			assertThat(send(shared)).isEqualTo("s1");
			assertThat(server.connections).hasValue(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void connectionOfAShortAnswerIsNotUsedAgain(HttpClientKind client) throws Exception {
		try (HostileServer server = new HostileServer(Answer.SHORT); SharedJuheContext shared = start(client, server)) {
			assertThatExceptionOfType(JuheSmsException.class).isThrownBy(() -> send(shared))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			assertThat(send(shared)).isEqualTo("s1");
			assertThat(server.connections).hasValue(2);
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
	static final class HostileServer implements AutoCloseable {

		final AtomicInteger connections = new AtomicInteger();

		private final AtomicInteger requests = new AtomicInteger();

		private final AtomicLong written = new AtomicLong();

		private final Object done = new Object();

		private boolean writerDone;

		private final Answer answer;

		private final ServerSocket socket = new ServerSocket(0);

		HostileServer(Answer answer) throws IOException {
			this.answer = answer;
			Thread acceptor = new Thread(this::accept, "hostile-server");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		int port() {
			return this.socket.getLocalPort();
		}

		long awaitWriterDone() throws InterruptedException {
			synchronized (this.done) {
				long until = System.currentTimeMillis() + 60_000;
				while (!this.writerDone && System.currentTimeMillis() < until) {
					this.done.wait(100);
				}
			}
			return this.written.get();
		}

		private void accept() {
			while (!this.socket.isClosed()) {
				try {
					Socket connection = this.socket.accept();
					this.connections.incrementAndGet();
					Thread serving = new Thread(() -> serve(connection), "hostile-connection");
					serving.setDaemon(true);
					serving.start();
				}
				catch (IOException ex) {
					// closed
				}
			}
		}

		private void serve(Socket connection) {
			try (connection) {
				InputStream in = connection.getInputStream();
				OutputStream out = connection.getOutputStream();
				while (readRequest(in)) {
					if (this.requests.incrementAndGet() == 1) {
						answerBadly(out);
					}
					else {
						write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + OK.length()
								+ "\r\n\r\n" + OK);
					}
				}
			}
			catch (IOException ex) {
				// the client closed the connection
			}
			finally {
				synchronized (this.done) {
					this.writerDone = true;
					this.done.notifyAll();
				}
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

		private static void write(OutputStream out, String text) throws IOException {
			out.write(text.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}

		// Reads one request's head and Content-Length bytes of body; false at the end.
		private static boolean readRequest(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					return false;
				}
				head.append((char) b);
			}
			String lower = head.toString().toLowerCase(Locale.ROOT);
			int at = lower.indexOf("content-length:");
			if (at >= 0) {
				int end = lower.indexOf("\r\n", at);
				in.readNBytes(Integer.parseInt(lower.substring(at + "content-length:".length(), end).strip()));
			}
			return true;
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}

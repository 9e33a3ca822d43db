package io.github.juhesms.reliability;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.international.AreaCode;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.RawHttpServer;
import io.github.juhesms.test.SharedJuheContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code juhe.sms.attempt-timeout} bounds a whole attempt on every HTTP client, where the
 * libraries' timeouts bound only each connect and each read: an answer trickling in a
 * byte at a time (each within the read timeout) and a server that never reads the request
 * are broken off at the deadline, as "outcome unknown" for a send, never resent.
 */
class AttemptDeadlineTests {

	private static final String[] SETTINGS = { "juhe.sms.connect-timeout=500ms", "juhe.sms.read-timeout=5s",
			"juhe.sms.attempt-timeout=2s", "juhe.sms.retry.max-attempts=3" };

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void answerTricklingInIsBrokenOffAtTheDeadline(HttpClientKind client) throws Exception {
		deadlineBreaksOffTheTrickle(client, false);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void statusAndHeadersTricklingInAreBrokenOffAtTheDeadline(HttpClientKind client) throws Exception {
		deadlineBreaksOffTheTrickle(client, true);
	}

	private void deadlineBreaksOffTheTrickle(HttpClientKind client, boolean headToo) throws Exception {
		try (TricklingServer server = new TricklingServer(headToo, RawHttpServer.OK).start();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						SETTINGS)) {
			InternationalSmsClient sms = shared.context().getBean(InternationalSmsClient.class);
			long started = System.nanoTime();
			assertThatExceptionOfType(JuheSmsTransportException.class)
				.isThrownBy(() -> sms.send(InternationalSmsRequest.of("44", "7911123456", 12)))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue())
				.withMessageContaining("longer than juhe.sms.attempt-timeout (2000 ms)")
				.withMessageContaining("outcome unknown");
			long elapsed = System.nanoTime() - started;
			int written = server.written.get();
			// The figure docs/reliability.md quotes.
			System.out.printf("trickling %s on %s: broken off after %d ms, %d of %d bytes written%n",
					headToo ? "head and body" : "body", client, TimeUnit.NANOSECONDS.toMillis(elapsed), written,
					server.answer.length());
			assertThat(written).isLessThan(server.answer.length() / 2);
			// The connection broken off is not used again.
			assertThat(sms.send(InternationalSmsRequest.of("44", "7911123456", 12)).sid()).isEqualTo("s1");
			assertThat(server.connections()).isEqualTo(2);
			if (client != HttpClientKind.SIMPLE) {
				// HttpURLConnection hands an answer given up part-way to a JDK thread
				// that reads the rest in the background (at most 512 KB, 5 s per read)
				// and pools the connection only if all of it arrives.
				server.awaitGivenUp();
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void readOnlyCallPastItsDeadlineIsRetried(HttpClientKind client) throws Exception {
		String areaCodes = "{\"reason\":\"ok\",\"result\":[{\"cname\":\"英国\",\"ename\":\"United Kingdom\","
				+ "\"areanum\":\"44\",\"fee\":3}],\"error_code\":0}";
		try (TricklingServer server = new TricklingServer(false, areaCodes).start();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						SETTINGS)) {
			InternationalSmsClient sms = shared.context().getBean(InternationalSmsClient.class);
			assertThat(sms.areaCodes()).extracting(AreaCode::areaCode, AreaCode::fee).containsExactly(tuple("44", 3));
			assertThat(server.connections()).isEqualTo(2);
		}
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void requestToAServerThatNeverReadsIsBrokenOffAtTheDeadline(HttpClientKind client) throws Exception {
		try (NeverReadingServer server = new NeverReadingServer().start();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						SETTINGS)) {
			// More than loopback's socket buffers take: the write itself blocks. The
			// products refuse a form this large, so it goes to the transport directly.
			byte[] form = new byte[64 * 1024 * 1024];
			JuheOperation send = JuheOperation.send(JuheProduct.INTERNATIONAL, "send", "/send");
			long started = System.nanoTime();
			assertThatExceptionOfType(JuheSmsTransportException.class)
				.isThrownBy(() -> transport(shared).post(send, form, null))
				.withMessageContaining("longer than juhe.sms.attempt-timeout (2000 ms)")
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			System.out.printf("never-reading server on %s: broken off after %d ms%n", client,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
	}

	private static JuheHttpTransport transport(SharedJuheContext shared) {
		Object services = ReflectionTestUtils.getField(shared.context().getBean(JuheProductApiFactory.class),
				"services");
		return (JuheHttpTransport) ReflectionTestUtils.getField(services, "transport");
	}

	/**
	 * On its first connection writes its answer one byte every 200 ms, well within the
	 * read timeout each; gives a later answer at once on the others.
	 */
	static final class TricklingServer extends RawHttpServer {

		final String answer;

		final boolean headToo;

		final AtomicInteger written = new AtomicInteger();

		private final CountDownLatch givenUp = new CountDownLatch(1);

		private final String later;

		TricklingServer(boolean headToo, String later) throws IOException {
			this.headToo = headToo;
			this.later = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
					+ later.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + later;
			String body = OK + " ".repeat(100);
			this.answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
					+ "\r\n\r\n" + body;
		}

		private final AtomicInteger served = new AtomicInteger();

		@Override
		protected void serve(Socket connection) throws IOException {
			if (this.served.incrementAndGet() > 1) {
				while (readRequest(connection.getInputStream())) {
					connection.getOutputStream().write(this.later.getBytes(StandardCharsets.UTF_8));
				}
				return;
			}
			try {
				readRequest(connection.getInputStream());
				OutputStream out = connection.getOutputStream();
				int head = this.answer.indexOf("\r\n\r\n") + 4;
				if (!this.headToo) {
					write(out, this.answer.substring(0, head));
					this.written.set(head);
				}
				while (this.written.get() < this.answer.length()) {
					Thread.sleep(200);
					write(out, this.answer.substring(this.written.get(), this.written.get() + 1));
					this.written.incrementAndGet();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			finally {
				this.givenUp.countDown();
			}
		}

		void awaitGivenUp() throws InterruptedException {
			assertThat(this.givenUp.await(10, TimeUnit.SECONDS)).isTrue();
		}

	}

	/** Accepts a connection and never reads from it. */
	static final class NeverReadingServer extends RawHttpServer {

		private final CountDownLatch closed = new CountDownLatch(1);

		NeverReadingServer() throws IOException {
		}

		@Override
		protected void serve(Socket connection) {
			try {
				this.closed.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		@Override
		public void close() throws IOException {
			this.closed.countDown();
			super.close();
		}

	}

}

package io.github.juhesms.reliability;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.juhesms.autoconfigure.JuheSmsRestClientCustomizer;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsLocalFailureException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.RawHttpServer;
import io.github.juhesms.test.SharedJuheContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.http.client.JdkClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A call that fails inside the application before its request reaches the HTTP library
 * (here an interceptor of the application's, as an open circuit breaker would) is a local
 * failure: not "outcome unknown", not retried, and the number's permit and the
 * idempotency key are given back, so the same send goes out once the cause is gone.
 */
class LocalFailureTests {

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void failureBeforeTheHttpLibraryRanGivesBackThePermitAndTheKey(HttpClientKind client) throws Exception {
		AtomicBoolean breakerOpen = new AtomicBoolean(true);
		try (CountingServer server = new CountingServer().start();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						circuitBreaker(breakerOpen), "juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=1",
						"juhe.sms.limits.rules[0].window=1h", "juhe.sms.retry.max-attempts=3")) {
			InternationalSmsClient sms = shared.context().getBean(InternationalSmsClient.class);
			InternationalSmsRequest request = InternationalSmsRequest.of("44", "7911123456", 12);
			SendOptions key = SendOptions.idempotencyKey("order-1");
			assertThatExceptionOfType(JuheSmsLocalFailureException.class).isThrownBy(() -> sms.send(request, key))
				.withMessage("international.send: failed before anything was sent, nothing reached Juhe "
						+ "(IllegalStateException: circuit breaker open)")
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isFalse();
					assertThat(ex.isRetryable()).isFalse();
					assertThat(ex.isRefusedLocally()).isTrue();
					assertThat(ex.getAttempts()).isEqualTo(1);
					assertThat(ex.getCategory()).isEqualTo(JuheSmsErrorCategory.LOCAL_FAILURE);
				});
			assertThat(server.requests).hasValue(0);
			assertThat(shared.meters().get("juhe.sms.client.requests").tag("outcome", "error").timer().count())
				.isEqualTo(1);
			breakerOpen.set(false);
			// One send per hour to the number, and the key seen before: both were given
			// back, so the send goes out, once.
			assertThat(sms.send(request, key).sid()).isEqualTo("s1");
			assertThat(sms.send(request, key).sid()).isEqualTo("s1");
			assertThat(server.requests).hasValue(1);
		}
	}

	// The first send proves the starter's hooks run in its HTTP client, and the
	// transport leaves its own hand-over interceptor out from then on: the hooks alone
	// must still tell a failure in the application's interceptor from one in the
	// library.
	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void failureBeforeTheHttpLibraryRanIsLocalAfterSendsWentOut(HttpClientKind client) throws Exception {
		AtomicBoolean breakerOpen = new AtomicBoolean(false);
		try (CountingServer server = new CountingServer().start();
				SharedJuheContext shared = SharedJuheContext.start(client, "http://localhost:" + server.port(),
						circuitBreaker(breakerOpen), "juhe.sms.retry.max-attempts=3")) {
			InternationalSmsClient sms = shared.context().getBean(InternationalSmsClient.class);
			InternationalSmsRequest request = InternationalSmsRequest.of("44", "7911123456", 12);
			assertThat(sms.send(request).sid()).isEqualTo("s1");
			assertThat(sms.send(request).sid()).isEqualTo("s1");
			breakerOpen.set(true);
			assertThatExceptionOfType(JuheSmsLocalFailureException.class).isThrownBy(() -> sms.send(request))
				.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isFalse());
			assertThat(server.requests).hasValue(2);
		}
	}

	// A request factory of the application's own runs none of the starter's hooks, so
	// the transport keeps its interceptor: a request written whose answer is lost stays
	// "outcome unknown", however many sends went out before, never a local failure
	// whose permit and key would be given back for a second, billed send.
	@Test
	void lostAnswerOnAnApplicationsRequestFactoryIsNeverLocal() throws Exception {
		try (CountingServer server = new CountingServer(2).start();
				SharedJuheContext shared = SharedJuheContext.start(HttpClientKind.JDK,
						"http://localhost:" + server.port(),
						(builder) -> builder.requestFactory(new JdkClientHttpRequestFactory()),
						"juhe.sms.retry.max-attempts=3")) {
			InternationalSmsClient sms = shared.context().getBean(InternationalSmsClient.class);
			InternationalSmsRequest request = InternationalSmsRequest.of("44", "7911123456", 12);
			assertThat(sms.send(request).sid()).isEqualTo("s1");
			assertThat(sms.send(request).sid()).isEqualTo("s1");
			assertThatExceptionOfType(JuheSmsTransportException.class).isThrownBy(() -> sms.send(request))
				.satisfies((ex) -> {
					assertThat(ex.isOutcomeUnknown()).isTrue();
					assertThat(ex.getAttempts()).isEqualTo(1);
				});
			assertThat(server.requests).hasValue(3);
		}
	}

	// An interceptor of the application's that fails while the breaker is open, as an
	// open circuit breaker would.
	private static JuheSmsRestClientCustomizer circuitBreaker(AtomicBoolean open) {
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			if (open.get()) {
				throw new IllegalStateException("circuit breaker open");
			}
			return execution.execute(request, body);
		});
	}

	/**
	 * Answers requests with a successful send, counting them; past a number of answers it
	 * reads the next request and closes the connection without an answer.
	 */
	static final class CountingServer extends RawHttpServer {

		final AtomicInteger requests = new AtomicInteger();

		private final int answers;

		CountingServer() throws IOException {
			this(Integer.MAX_VALUE);
		}

		CountingServer(int answers) throws IOException {
			this.answers = answers;
		}

		@Override
		protected void serve(Socket connection) throws IOException {
			while (readRequest(connection.getInputStream())) {
				if (this.requests.incrementAndGet() > this.answers) {
					connection.close();
					return;
				}
				writeOk(connection.getOutputStream());
			}
		}

	}

}

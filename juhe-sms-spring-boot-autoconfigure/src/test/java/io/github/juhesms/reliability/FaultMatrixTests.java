package io.github.juhesms.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.juhesms.autoconfigure.JuheSmsRestClientCustomizer;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.event.JuheSmsOutcomeUnknownEvent;
import io.github.juhesms.event.JuheSmsRejectedEvent;
import io.github.juhesms.event.JuheSmsSentEvent;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.ProductFixture;
import io.github.juhesms.test.SharedJuheContext;
import io.micrometer.core.instrument.Counter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.juhesms.test.ProductFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every product's send and read-only call against every fault, through each HTTP client
 * Boot can put under the starter: the requests the server received and the one outcome
 * the caller got. A send is never made twice by the starter, and never ends without
 * saying whether it may have gone out.
 */
class FaultMatrixTests extends JuheWireMockTests {

	// The retry budget and the fail-fast cool-down belong to each product bean, so in a
	// context shared by hundreds of cases they would carry over from one case to the next
	// (a 10001 answer would make the following cases fail without HTTP): both are off
	// here. RetryBudgetTests and FailFastTests cover them.
	private static final String[] PROPERTIES = { "juhe.sms.connect-timeout=1s", "juhe.sms.retry.max-attempts=3",
			"juhe.sms.retry.initial-interval=10ms", "juhe.sms.retry.jitter=0ms", "juhe.sms.retry.budget.enabled=false",
			"juhe.sms.fail-fast.cooldown=0" };

	// Only the delayed answer needs a short read timeout; every other case gets a long
	// one, so that a slow moment of a busy machine cannot turn an answer into a timeout.
	private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

	private static final Duration LONG_READ_TIMEOUT = Duration.ofSeconds(5);

	private static final int MAX_ATTEMPTS = 3;

	private static final Map<String, SharedJuheContext> contexts = new HashMap<>();

	private static final Map<HttpClientKind, LateServer> lateServers = new EnumMap<>(HttpClientKind.class);

	private static final ReliabilityFigures figures = new ReliabilityFigures("fault-matrix");

	// WireMock's first answer takes a while (class loading): it must not be a case's
	// answer.
	@BeforeAll
	static void warmUpWireMock() throws Exception {
		wireMock.stubFor(post(urlPathEqualTo("/warm-up")).willReturn(json("{}")));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int i = 0; i < 3; i++) {
			client.send(HttpRequest.newBuilder(URI.create(wireMock.baseUrl() + "/warm-up"))
				.POST(HttpRequest.BodyPublishers.ofString("a=b"))
				.build(), HttpResponse.BodyHandlers.discarding());
		}
	}

	@AfterAll
	static void closeContextsAndWriteFigures() {
		contexts.values().forEach(SharedJuheContext::close);
		contexts.clear();
		lateServers.values().forEach(LateServer::close);
		lateServers.clear();
		figures.write();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(HttpClientKind.class)
	void eachContextUsesTheHttpClientAskedFor(HttpClientKind client) {
		ProductFixture fixture = ProductFixture.all().get(0);
		SharedJuheContext shared = context(client);
		answer(fixture.sendPath(), fixture.sendSuccess());
		fixture.send().accept(shared.context());
		assertThat(shared.requestFactory()).isInstanceOf(client.requestFactoryType());
		assertThat(requests(client, fixture.sendPath())).hasSize(1);
	}

	@ParameterizedTest(name = "{0} {1} {3} busy {2}")
	@MethodSource("busyCases")
	void busyOnceThenSuccessIsRetriedWithOneResultBilledOnce(HttpClientKind client, ProductFixture fixture, int code,
			Call call) {
		SharedJuheContext shared = context(client);
		answerInTurn(call.path(fixture), failure(code), call.success(fixture));
		Throwable failure = make("busy-once", shared, fixture, call, List.of(code));
		assertThat(failure).isNull();
		assertThat(requests(client, call.path(fixture))).hasSize(2);
		if (call == Call.SEND) {
			assertThat(shared.events()).singleElement().isInstanceOfSatisfying(JuheSmsSentEvent.class, (sent) -> {
				assertThat(sent.attempts()).isEqualTo(2);
				assertThat(fixture.sendSuccess()).contains("\"sid\":\"" + sent.sid() + "\"");
			});
			assertBilledOnce(shared, fixture);
		}
		else {
			assertThat(shared.events()).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0} {1} {3} busy {2}")
	@MethodSource("busyCases")
	void busyOnEveryAttemptMakesMaxAttemptsRequestsAndThrowsTheBusyCode(HttpClientKind client, ProductFixture fixture,
			int code, Call call) {
		SharedJuheContext shared = context(client);
		answer(call.path(fixture), failure(code));
		Throwable failure = make("busy-always", shared, fixture, call, List.of(code));
		assertThat(failure).isInstanceOfSatisfying(JuheSmsBusyException.class, (busy) -> {
			assertThat(busy.getErrorCode()).isEqualTo(code);
			assertThat(busy.getAttempts()).isEqualTo(MAX_ATTEMPTS);
			assertThat(busy.isRetryable()).isTrue();
			assertThat(busy.isOutcomeUnknown()).isFalse();
		});
		assertThat(requests(client, call.path(fixture))).hasSize(MAX_ATTEMPTS);
		if (call == Call.SEND) {
			assertThat(shared.events()).singleElement()
				.isInstanceOfSatisfying(JuheSmsRejectedEvent.class, (rejected) -> {
					assertThat(rejected.category()).isEqualTo(JuheSmsErrorCategory.BUSY);
					assertThat(rejected.attempts()).isEqualTo(MAX_ATTEMPTS);
				});
		}
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("calls")
	void connectionRefusedThenUpIsRetriedAndReachesTheServerOnce(HttpClientKind client, ProductFixture fixture,
			Call call) {
		LateServer late = lateServer(client);
		SharedJuheContext shared = late.context;
		shared.clear();
		late.arm(call.path(fixture), call.success(fixture));
		try {
			Throwable failure = call.run(fixture, shared);
			List<LoggedRequest> received = late.server.findAll(postRequestedFor(urlPathEqualTo(call.path(fixture))));
			count("connection-refused-then-up", client, call, received.size(), failure, received.size());
			assertThat(failure).isNull();
			assertThat(late.attempts).hasValue(2);
			assertThat(received).singleElement()
				.satisfies(
						(request) -> assertThat(request.getHeader("User-Agent")).startsWith(client.userAgentPrefix()));
			if (call == Call.SEND) {
				assertThat(shared.events()).singleElement()
					.isInstanceOfSatisfying(JuheSmsSentEvent.class, (sent) -> assertThat(sent.attempts()).isEqualTo(2));
				assertBilledOnce(shared, fixture);
			}
		}
		finally {
			late.disarm();
		}
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("lostAnswerCases")
	void sendWhoseAnswerIsLostIsNotResentAndItsOutcomeIsUnknown(HttpClientKind client, ProductFixture fixture,
			LostAnswer fault) {
		SharedJuheContext shared = context(client, fault.readTimeout());
		faultThenSuccess(fixture.sendPath(), fault.response(fixture.sendSuccess()), fixture.sendSuccess());
		Throwable failure = make(fault.label(), shared, fixture, Call.SEND, List.of());
		assertThat(failure).isInstanceOfSatisfying(JuheSmsTransportException.class, (lost) -> {
			assertThat(lost.isOutcomeUnknown()).isTrue();
			assertThat(lost.isConnectionOpened()).isTrue();
			assertThat(lost.isRetryable()).isFalse();
			assertThat(lost.getAttempts()).isOne();
			assertThat(lost.getMessage()).contains("outcome unknown");
		});
		assertThat(requests(client, fixture.sendPath())).hasSize(1);
		assertThat(shared.events()).singleElement()
			.isInstanceOfSatisfying(JuheSmsOutcomeUnknownEvent.class, (unknown) -> {
				assertThat(unknown.attempts()).isOne();
				assertThat(unknown.category()).isEqualTo(JuheSmsErrorCategory.TRANSPORT);
				assertThat(unknown.httpStatus()).isNull();
			});
		assertNotBilled(shared, fixture);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("lostAnswerReadCases")
	void readWhoseAnswerIsLostIsRetried(HttpClientKind client, ProductFixture fixture, LostAnswer fault) {
		SharedJuheContext shared = context(client, fault.readTimeout());
		faultThenSuccess(fixture.readPath(), fault.response(fixture.readSuccess()), fixture.readSuccess());
		Throwable failure = make(fault.label(), shared, fixture, Call.READ, List.of());
		assertThat(failure).isNull();
		assertThat(requests(client, fixture.readPath())).hasSize(2);
		assertThat(shared.meters().get("juhe.sms.client.retries").tag("error.code", "transport").counter().count())
			.isOne();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("badAnswerCases")
	void sendWithAnUnusableAnswerFailsClearlyWithoutRetryAndItsOutcomeIsUnknown(HttpClientKind client,
			ProductFixture fixture, BadAnswer answer) {
		SharedJuheContext shared = context(client);
		faultThenSuccess(fixture.sendPath(), answer.response(), fixture.sendSuccess());
		Throwable failure = make(answer.label(), shared, fixture, Call.SEND, List.of());
		assertThat(failure).isInstanceOfSatisfying(JuheSmsInvalidResponseException.class, (invalid) -> {
			assertClear(invalid, answer);
			assertThat(invalid.isOutcomeUnknown()).isTrue();
			assertThat(invalid.isRetryable()).isFalse();
			assertThat(invalid.getAttempts()).isOne();
		});
		assertThat(requests(client, fixture.sendPath())).hasSize(1);
		assertThat(shared.events()).singleElement()
			.isInstanceOfSatisfying(JuheSmsOutcomeUnknownEvent.class, (unknown) -> {
				assertThat(unknown.attempts()).isOne();
				assertThat(unknown.httpStatus()).isEqualTo(answer.status);
				assertThat(unknown.category()).isEqualTo(JuheSmsErrorCategory.INVALID_RESPONSE);
			});
		assertNotBilled(shared, fixture);
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("badAnswerReadCases")
	void readWithAnUnusableAnswerIsRetriedOnlyWhenARepeatMayHelp(HttpClientKind client, ProductFixture fixture,
			BadAnswer answer) {
		SharedJuheContext shared = context(client);
		faultThenSuccess(fixture.readPath(), answer.response(), fixture.readSuccess());
		Throwable failure = make(answer.label(), shared, fixture, Call.READ, List.of());
		if (answer.retriedForReads) {
			assertThat(failure).isNull();
			assertThat(requests(client, fixture.readPath())).hasSize(2);
		}
		else {
			assertThat(failure).isInstanceOfSatisfying(JuheSmsInvalidResponseException.class, (invalid) -> {
				assertClear(invalid, answer);
				assertThat(invalid.isOutcomeUnknown()).isFalse();
				assertThat(invalid.getAttempts()).isOne();
			});
			assertThat(requests(client, fixture.readPath())).hasSize(1);
		}
	}

	@ParameterizedTest(name = "{0} {1} {3} {2}")
	@MethodSource("systemCodeCases")
	void systemCodeHasItsCategoryAndIsNotRetried(HttpClientKind client, ProductFixture fixture, int code, Call call) {
		SharedJuheContext shared = context(client);
		answerInTurn(call.path(fixture), failure(code), call.success(fixture));
		// 10014 is Juhe's internal error, after which the document asks to check before
		// repeating.
		Throwable failure = make("system-code", shared, fixture, call, (code != 10014) ? List.of(code) : List.of());
		JuheSmsErrorCategory category = systemCodeCategory(code);
		boolean unknown = code == 10014 && call == Call.SEND;
		assertThat(failure).isInstanceOfSatisfying(JuheSmsException.class, (ex) -> {
			assertThat(ex.getCategory()).isEqualTo(category);
			assertThat(ex.getClass().getSimpleName()).isEqualTo(exceptionName(category));
			assertThat(ex.getErrorCode()).isEqualTo(code);
			assertThat(ex.getAttempts()).isOne();
			assertThat(ex.isRetryable()).isFalse();
			assertThat(ex.isOutcomeUnknown()).isEqualTo(unknown);
			assertThat(ex.getMessage()).contains("error_code " + code);
		});
		assertThat(requests(client, call.path(fixture))).hasSize(1);
		if (call == Call.SEND) {
			assertThat(shared.events()).singleElement()
				.isInstanceOf(unknown ? JuheSmsOutcomeUnknownEvent.class : JuheSmsRejectedEvent.class);
		}
	}

	// The document lists 16 of the 21 codes in 10001-10021; the others are not
	// documented, and a code the catalog does not know is a rejection (not billed, not
	// retried).
	private static JuheSmsErrorCategory systemCodeCategory(int code) {
		if (code <= 10009 && code != 10006) {
			return JuheSmsErrorCategory.CREDENTIALS;
		}
		if (code >= 10011 && code <= 10013) {
			return JuheSmsErrorCategory.QUOTA;
		}
		if (code == 10014) {
			return JuheSmsErrorCategory.SERVICE_ERROR;
		}
		if (code >= 10020) {
			return JuheSmsErrorCategory.SERVICE_UNAVAILABLE;
		}
		return JuheSmsErrorCategory.REJECTED;
	}

	private static String exceptionName(JuheSmsErrorCategory category) {
		return switch (category) {
			case CREDENTIALS -> "JuheSmsCredentialsException";
			case QUOTA -> "JuheSmsQuotaException";
			case SERVICE_ERROR -> "JuheSmsServiceErrorException";
			case SERVICE_UNAVAILABLE -> "JuheSmsServiceUnavailableException";
			default -> "JuheSmsRejectedException";
		};
	}

	private static void assertClear(JuheSmsInvalidResponseException invalid, BadAnswer answer) {
		assertThat(invalid.getHttpStatus()).isEqualTo(answer.status);
		assertThat(invalid.getBodyExcerpt()).startsWith(answer.excerpt);
		assertThat(invalid.getMessage()).contains(answer.problem)
			.contains("(HTTP " + answer.status + ", body: ")
			.contains(answer.excerpt.isEmpty() ? "<empty>" : answer.excerpt);
	}

	private static void assertBilledOnce(SharedJuheContext shared, ProductFixture fixture) {
		Counter billed = shared.meters()
			.find("juhe.sms.client.billed")
			.tag("product", fixture.product().id())
			.counter();
		if (fixture.sendSuccess().contains("\"fee\":1")) {
			assertThat(billed).isNotNull();
			assertThat(billed.count()).isOne();
		}
		else {
			assertThat(billed).isNull();
		}
	}

	private static void assertNotBilled(SharedJuheContext shared, ProductFixture fixture) {
		assertThat(shared.meters().find("juhe.sms.client.billed").counters()).isEmpty();
	}

	// Runs the call and counts it for the figures. Juhe may have acted on every request
	// except those answered with a code that refuses it (the given codes). A send Juhe
	// may have acted on more than once is duplicated; one it may have acted on that ends
	// in an exception that does not say "outcome unknown" is lost.
	private Throwable make(String fault, SharedJuheContext shared, ProductFixture fixture, Call call,
			List<Integer> refusals) {
		shared.clear();
		Throwable failure = call.run(fixture, shared);
		List<ServeEvent> served = wireMock.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getUrl().equals(call.path(fixture)))
			.toList();
		long mayHaveActed = served.stream().filter((event) -> !refused(event, refusals)).count();
		count(fault, shared.client(), call, served.size(), failure, mayHaveActed);
		return failure;
	}

	private static void count(String fault, HttpClientKind client, Call call, int requests, @Nullable Throwable failure,
			long mayHaveActed) {
		figures.count("cases." + client);
		figures.count("fault." + fault + "." + call.name().toLowerCase(Locale.ROOT));
		figures.add("requests." + client, requests);
		if (call == Call.SEND) {
			figures.count("sends." + client);
			boolean known = failure == null || (failure instanceof JuheSmsException juhe && juhe.isOutcomeUnknown());
			figures.add("sends.lost", (mayHaveActed > 0 && !known) ? 1 : 0);
			figures.add("sends.duplicated", (mayHaveActed > 1) ? 1 : 0);
		}
	}

	private static boolean refused(ServeEvent event, List<Integer> refusals) {
		String body = event.getResponseDefinition().getBody();
		return body != null && refusals.stream().anyMatch((code) -> body.equals(failure(code)));
	}

	private static List<LoggedRequest> requests(HttpClientKind client, String path) {
		List<LoggedRequest> requests = requestsTo(path);
		assertThat(requests)
			.allSatisfy((request) -> assertThat(request.getHeader("User-Agent")).startsWith(client.userAgentPrefix()));
		return requests;
	}

	private static void faultThenSuccess(String path, ResponseDefinitionBuilder fault, String success) {
		wireMock.stubFor(post(urlPathEqualTo(path)).inScenario(path)
			.whenScenarioStateIs(STARTED)
			.willReturn(fault)
			.willSetStateTo("answered"));
		wireMock.stubFor(
				post(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("answered").willReturn(json(success)));
	}

	private static SharedJuheContext context(HttpClientKind client) {
		return context(client, LONG_READ_TIMEOUT);
	}

	private static synchronized SharedJuheContext context(HttpClientKind client, Duration readTimeout) {
		return contexts.computeIfAbsent(client + "/" + readTimeout, (key) -> SharedJuheContext.start(client,
				wireMock.baseUrl(), with(PROPERTIES, "juhe.sms.read-timeout=" + readTimeout.toMillis() + "ms")));
	}

	private static String[] with(String[] properties, String property) {
		String[] all = Arrays.copyOf(properties, properties.length + 1);
		all[properties.length] = property;
		return all;
	}

	private static synchronized LateServer lateServer(HttpClientKind client) {
		return lateServers.computeIfAbsent(client, LateServer::new);
	}

	static Stream<Arguments> busyCases() {
		return everyClient((client) -> ProductFixture.all()
			.stream()
			.flatMap((fixture) -> fixture.busyCodes()
				.stream()
				.flatMap((code) -> Call.of(fixture).map((call) -> Arguments.of(client, fixture, code, call)))));
	}

	static Stream<Arguments> calls() {
		return everyClient((client) -> ProductFixture.all()
			.stream()
			.flatMap((fixture) -> Call.of(fixture).map((call) -> Arguments.of(client, fixture, call))));
	}

	static Stream<Arguments> lostAnswerCases() {
		return everyClient((client) -> ProductFixture.all()
			.stream()
			.flatMap((fixture) -> Stream.of(LostAnswer.values()).map((fault) -> Arguments.of(client, fixture, fault))));
	}

	static Stream<Arguments> lostAnswerReadCases() {
		return lostAnswerCases().filter((arguments) -> ((ProductFixture) arguments.get()[1]).hasRead());
	}

	static Stream<Arguments> badAnswerCases() {
		return everyClient((client) -> ProductFixture.all()
			.stream()
			.flatMap(
					(fixture) -> Stream.of(BadAnswer.values()).map((answer) -> Arguments.of(client, fixture, answer))));
	}

	static Stream<Arguments> badAnswerReadCases() {
		return badAnswerCases().filter((arguments) -> ((ProductFixture) arguments.get()[1]).hasRead());
	}

	static Stream<Arguments> systemCodeCases() {
		List<Arguments> cases = new ArrayList<>();
		for (HttpClientKind client : HttpClientKind.values()) {
			for (ProductFixture fixture : ProductFixture.all()) {
				for (int code = 10001; code <= 10021; code++) {
					int systemCode = code;
					Call.of(fixture).forEach((call) -> cases.add(Arguments.of(client, fixture, systemCode, call)));
				}
			}
		}
		return cases.stream();
	}

	private static Stream<Arguments> everyClient(Function<HttpClientKind, Stream<Arguments>> cases) {
		return Stream.of(HttpClientKind.values()).flatMap(cases);
	}

	/**
	 * The two calls of a product the matrix makes.
	 */
	enum Call {

		SEND, READ;

		static Stream<Call> of(ProductFixture fixture) {
			return fixture.hasRead() ? Stream.of(SEND, READ) : Stream.of(SEND);
		}

		String path(ProductFixture fixture) {
			return (this == SEND) ? fixture.sendPath() : fixture.readPath();
		}

		String success(ProductFixture fixture) {
			return (this == SEND) ? fixture.sendSuccess() : fixture.readSuccess();
		}

		@Nullable Throwable run(ProductFixture fixture, SharedJuheContext shared) {
			try {
				((this == SEND) ? fixture.send() : fixture.read()).accept(shared.context());
				return null;
			}
			catch (Throwable ex) {
				return ex;
			}
		}

	}

	/**
	 * A request that reached the server but whose answer never came back whole.
	 */
	enum LostAnswer {

		DELAYED_PAST_THE_READ_TIMEOUT, CONNECTION_RESET, EMPTY_REPLY, MALFORMED_CHUNK, RANDOM_BYTES_THEN_CLOSE;

		String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		Duration readTimeout() {
			return (this == DELAYED_PAST_THE_READ_TIMEOUT) ? SHORT_READ_TIMEOUT : LONG_READ_TIMEOUT;
		}

		ResponseDefinitionBuilder response(String success) {
			return switch (this) {
				case DELAYED_PAST_THE_READ_TIMEOUT -> json(success).withFixedDelay(1000);
				case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
				case EMPTY_REPLY -> aResponse().withFault(Fault.EMPTY_RESPONSE);
				case MALFORMED_CHUNK -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
				case RANDOM_BYTES_THEN_CLOSE -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
			};
		}

	}

	/**
	 * An answer that arrived but is not a usable envelope.
	 */
	enum BadAnswer {

		HTTP_500_WITH_BODY(500, "Internal Server Error", "HTTP status 500", true),

		HTTP_500_WITHOUT_BODY(500, "", "HTTP status 500", true),

		HTTP_502_WITH_BODY(502, "Bad Gateway", "HTTP status 502", true),

		HTTP_502_WITHOUT_BODY(502, "", "HTTP status 502", true),

		HTTP_503_WITH_BODY(503, "Service Unavailable", "HTTP status 503", true),

		HTTP_503_WITHOUT_BODY(503, "", "HTTP status 503", true),

		HTTP_504_WITH_BODY(504, "Gateway Timeout", "HTTP status 504", true),

		HTTP_504_WITHOUT_BODY(504, "", "HTTP status 504", true),

		HTML_ERROR_PAGE(200, "<html><head><title>系统维护中</title></head><body><h1>系统维护中</h1></body></html>",
				"HTML or XML page", true),

		EMPTY_200(200, "", "empty body", true),

		MALFORMED_JSON(200, "{\"reason\":\"success\",\"result\":{\"sid\":\"s1\"", "malformed JSON", true),

		JSON_ARRAY(200, "[{\"reason\":\"success\",\"error_code\":0}]", "a JSON array instead of the JSON object",
				false),

		HUGE_BODY(200, huge(), "body larger than the maximum of 1,048,576 bytes", false);

		final int status;

		final String body;

		final String excerpt;

		final String problem;

		final boolean retriedForReads;

		BadAnswer(int status, String body, String problem, boolean retriedForReads) {
			this.status = status;
			this.body = body;
			this.excerpt = body.substring(0, Math.min(body.length(), 60));
			this.problem = problem;
			this.retriedForReads = retriedForReads;
		}

		String label() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		ResponseDefinitionBuilder response() {
			ResponseDefinitionBuilder response = aResponse().withStatus(this.status);
			if (this.body.startsWith("<")) {
				response = response.withHeader("Content-Type", "text/html;charset=utf-8");
			}
			return this.body.isEmpty() ? response : response.withBody(this.body);
		}

		// A success envelope padded to 2 MB, twice the default max-response-size.
		private static String huge() {
			return "{\"reason\":\"success " + "x".repeat(2 * 1024 * 1024)
					+ "\",\"result\":{\"sid\":\"s-huge\",\"fee\":1},\"error_code\":0}";
		}

	}

	/**
	 * A server that is down for the first attempt and up for the second: a context of the
	 * starter pointed at a port nothing listens on, whose interceptor starts the server
	 * on the second attempt.
	 */
	static final class LateServer implements JuheSmsRestClientCustomizer {

		final int port = freePort();

		final AtomicInteger attempts = new AtomicInteger();

		final SharedJuheContext context;

		volatile WireMockServer server;

		LateServer(HttpClientKind client) {
			this.context = SharedJuheContext.start(client, "http://localhost:" + this.port, this,
					with(PROPERTIES, "juhe.sms.read-timeout=" + LONG_READ_TIMEOUT.toMillis() + "ms"));
		}

		void arm(String path, String success) {
			this.attempts.set(0);
			this.server = new WireMockServer(options().port(this.port));
			// No connection outlives the case: the next case must find nothing listening
			// again.
			this.server.stubFor(post(urlPathEqualTo(path)).willReturn(json(success).withHeader("Connection", "close")));
		}

		void disarm() {
			this.server.stop();
		}

		@Override
		public void customize(RestClient.Builder builder) {
			builder.requestInterceptor((request, body, execution) -> {
				if (this.attempts.incrementAndGet() == 2) {
					this.server.start();
				}
				return execution.execute(request, body);
			});
		}

		void close() {
			this.context.close();
		}

		private static int freePort() {
			try (ServerSocket socket = new ServerSocket(0)) {
				return socket.getLocalPort();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}

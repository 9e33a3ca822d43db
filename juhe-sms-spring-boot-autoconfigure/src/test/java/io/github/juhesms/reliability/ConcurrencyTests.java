package io.github.juhesms.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.event.JuheSmsRejectedEvent;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.github.juhesms.event.JuheSmsSentEvent;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.ProductFixture;
import io.github.juhesms.test.SharedJuheContext;
import io.github.juhesms.video.VideoSmsClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.juhesms.test.ProductFixture.MOBILE;
import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 sends from 16 threads against a server that answers busy at random: every call ends
 * with exactly one outcome, the server received exactly the attempts the calls report, no
 * accepted send is lost or made twice, and the meters add up to the calls made.
 */
class ConcurrencyTests extends JuheWireMockTests {

	private static final int SENDS = 200;

	private static final int THREADS = 16;

	private static final int RUNS_PER_CLIENT = 3;

	private static final int MAX_ATTEMPTS = 3;

	private static final double BUSY_SHARE = 0.4;

	// The products with documented busy codes; each call uses its own template id to be
	// told apart.
	private static final List<ProductFixture> PRODUCTS = ProductFixture.all()
		.stream()
		.filter((fixture) -> !fixture.busyCodes().isEmpty())
		.toList();

	private static final ReliabilityFigures figures = new ReliabilityFigures("concurrency");

	@AfterAll
	static void writeFigures() {
		figures.write();
	}

	static Stream<Arguments> runs() {
		return Stream.of(HttpClientKind.values())
			.flatMap((client) -> Stream.iterate(1, (run) -> run + 1)
				.limit(RUNS_PER_CLIENT)
				.map((run) -> Arguments.of(client, run)));
	}

	@ParameterizedTest(name = "{0} run {1}")
	@MethodSource("runs")
	void everySendEndsWithOneOutcomeAndRequestsAttemptsAndMetersAddUp(HttpClientKind client, int run) throws Exception {
		RandomlyBusy busy = new RandomlyBusy(run * 7919L);
		WireMockServer server = new WireMockServer(
				options().dynamicPort().containerThreads(THREADS + 8).extensions(busy));
		server.start();
		server.stubFor(post(anyUrl()).willReturn(aResponse().withTransformers(RandomlyBusy.NAME)));
		// The retry budget is left on, as in production: a refused retry ends a call
		// early, and the counts must add up all the same.
		try (SharedJuheContext shared = SharedJuheContext.start(client, server.baseUrl(), "juhe.sms.read-timeout=5s",
				"juhe.sms.retry.initial-interval=10ms", "juhe.sms.retry.jitter=0ms")) {
			List<Outcome> outcomes = sendConcurrently(shared.context());
			int requests = server.getAllServeEvents().size();
			countFigures(busy, outcomes, requests);

			// Every call ended with exactly one outcome, and one event tells it.
			assertThat(outcomes).hasSize(SENDS)
				.allSatisfy((outcome) -> assertThat(outcome.sid == null).isNotEqualTo(outcome.failure == null));
			Map<String, JuheSmsSendEvent> events = shared.events()
				.stream()
				.collect(Collectors.toMap(JuheSmsSendEvent::templateId, Function.identity()));
			assertThat(shared.events()).hasSize(SENDS);
			assertThat(events).hasSize(SENDS);

			int attempts = 0;
			for (Outcome outcome : outcomes) {
				JuheSmsSendEvent event = events.get(outcome.templateId);
				List<String> served = busy.successes.getOrDefault(outcome.templateId, List.of());
				if (outcome.sid != null) {
					// Accepted once, and the caller holds the sid of that one acceptance.
					assertThat(served).containsExactly(outcome.sid);
					assertThat(event).isInstanceOfSatisfying(JuheSmsSentEvent.class,
							(sent) -> assertThat(sent.sid()).isEqualTo(outcome.sid));
				}
				else {
					// Busy on every attempt it made: never accepted, and it says so.
					assertThat(served).isEmpty();
					assertThat(outcome.failure).isInstanceOfSatisfying(JuheSmsBusyException.class,
							(ex) -> assertThat(ex.isOutcomeUnknown()).isFalse());
					assertThat(event).isInstanceOf(JuheSmsRejectedEvent.class);
				}
				assertThat(outcome.attempts(event)).isBetween(1, MAX_ATTEMPTS);
				assertThat(busy.requestsFor(outcome.templateId)).as("requests of template " + outcome.templateId)
					.isEqualTo(outcome.attempts(event));
				attempts += outcome.attempts(event);
			}
			assertThat(requests).isEqualTo(attempts).isEqualTo(busy.requests.get());

			long successes = outcomes.stream().filter((outcome) -> outcome.sid != null).count();
			MeterRegistry meters = shared.meters();
			assertThat(timerCount(meters, null)).isEqualTo(SENDS);
			assertThat(timerCount(meters, "success")).isEqualTo(successes);
			assertThat(timerCount(meters, "busy")).isEqualTo(SENDS - successes);
			assertThat(counterSum(meters, "juhe.sms.client.retries")).isEqualTo(requests - SENDS);
			long endedEarly = outcomes.stream()
				.filter((outcome) -> outcome.failure != null && outcome.failure.getAttempts() < MAX_ATTEMPTS)
				.count();
			assertThat(counterSum(meters, "juhe.sms.client.retries.denied")).isEqualTo(endedEarly);
			long billed = outcomes.stream()
				.filter((outcome) -> outcome.sid != null && outcome.product.sendSuccess().contains("\"fee\""))
				.count();
			assertThat(counterSum(meters, "juhe.sms.client.billed")).isEqualTo(billed);
		}
		finally {
			server.stop();
		}
	}

	private List<Outcome> sendConcurrently(ApplicationContext context) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Outcome>> calls = new ArrayList<>();
			for (int i = 0; i < SENDS; i++) {
				ProductFixture product = PRODUCTS.get(i % PRODUCTS.size());
				long templateId = 1000 + i;
				calls.add(threads.submit(() -> {
					start.await();
					return Outcome.of(product, templateId, () -> send(context, product.product(), templateId));
				}));
			}
			start.countDown();
			List<Outcome> outcomes = new ArrayList<>();
			for (Future<Outcome> call : calls) {
				outcomes.add(call.get(60, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String send(ApplicationContext context, JuheProduct product, long templateId) {
		Map<String, String> code = Map.of("code", "1234");
		return switch (product) {
			case INTERNATIONAL -> context.getBean(InternationalSmsClient.class)
				.send(new InternationalSmsRequest("44", "7911123456", templateId, code))
				.sid();
			case FINANCIAL -> context.getBean(FinancialSmsClient.class)
				.send(new FinancialSmsRequest(List.of(MOBILE), templateId, code))
				.sid();
			case SMS_API -> context.getBean(SmsApiClient.class).send(SmsApiRequest.of(MOBILE, templateId, code)).sid();
			case VIDEO -> context.getBean(VideoSmsClient.class).send(MOBILE, templateId).sid();
			default -> throw new IllegalArgumentException(product.id());
		};
	}

	// Counted before the assertions, so the figures show what was seen even when a run
	// fails.
	private static void countFigures(RandomlyBusy busy, List<Outcome> outcomes, int requests) {
		figures.count("runs");
		figures.add("sends", outcomes.size());
		figures.add("requests", requests);
		figures.add("accepted", outcomes.stream().filter((outcome) -> outcome.sid != null).count());
		figures.add("busy-to-the-end", outcomes.stream().filter((outcome) -> outcome.failure != null).count());
		long duplicated = busy.successes.values().stream().filter((sids) -> sids.size() > 1).count();
		long lost = outcomes.stream()
			.filter((outcome) -> outcome.sid == null && busy.successes.containsKey(outcome.templateId))
			.count();
		figures.add("duplicated", duplicated);
		figures.add("lost", lost);
	}

	private static long timerCount(MeterRegistry meters, @Nullable String outcome) {
		var search = meters.find("juhe.sms.client.requests");
		if (outcome != null) {
			search = search.tag("outcome", outcome);
		}
		return search.timers().stream().mapToLong(Timer::count).sum();
	}

	private static long counterSum(MeterRegistry meters, String name) {
		return (long) meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
	}

	/**
	 * How one call ended: the sid of an accepted send, or the exception.
	 */
	record Outcome(ProductFixture product, String templateId, @Nullable String sid,
			@Nullable JuheSmsException failure) {

		static Outcome of(ProductFixture product, long templateId, Supplier<String> send) {
			String id = Long.toString(templateId);
			try {
				return new Outcome(product, id, send.get(), null);
			}
			catch (JuheSmsException ex) {
				return new Outcome(product, id, null, ex);
			}
		}

		// Attempts as the caller learns them: from the exception, or from the sent event.
		int attempts(JuheSmsSendEvent event) {
			return (this.failure != null) ? this.failure.getAttempts() : event.attempts();
		}

	}

	/**
	 * Answers each send with the product's busy code at random (seeded) and accepts it
	 * otherwise, with a new sid; records the requests and acceptances of each template
	 * id.
	 */
	static final class RandomlyBusy implements ResponseDefinitionTransformerV2 {

		static final String NAME = "randomly-busy";

		final AtomicInteger requests = new AtomicInteger();

		final Map<String, List<String>> successes = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> requestsByTemplate = new ConcurrentHashMap<>();

		private final AtomicInteger sids = new AtomicInteger();

		private final Random random;

		RandomlyBusy(long seed) {
			this.random = new Random(seed);
		}

		int requestsFor(String templateId) {
			AtomicInteger count = this.requestsByTemplate.get(templateId);
			return (count != null) ? count.get() : 0;
		}

		@Override
		public ResponseDefinition transform(ServeEvent event) {
			Map<String, String> form = form(event.getRequest());
			String templateId = form.containsKey("tplId") ? form.get("tplId") : form.get("tpl_id");
			this.requests.incrementAndGet();
			this.requestsByTemplate.computeIfAbsent(templateId, (key) -> new AtomicInteger()).incrementAndGet();
			ProductFixture product = PRODUCTS.stream()
				.filter((fixture) -> fixture.sendPath().equals(event.getRequest().getUrl()))
				.findFirst()
				.orElseThrow();
			boolean busy;
			int code;
			synchronized (this.random) {
				busy = this.random.nextDouble() < BUSY_SHARE;
				code = product.busyCodes().get(this.random.nextInt(product.busyCodes().size()));
			}
			String body;
			if (busy) {
				body = failure(code);
			}
			else {
				String sid = "s-" + this.sids.incrementAndGet();
				this.successes.computeIfAbsent(templateId, (key) -> new CopyOnWriteArrayList<>()).add(sid);
				body = success("{\"sid\":\"" + sid + "\",\"fee\":1,\"count\":1}");
			}
			return ResponseDefinitionBuilder.like(event.getResponseDefinition())
				.but()
				.withStatus(200)
				.withHeader("Content-Type", "text/html;charset=utf-8")
				.withBody(body)
				.build();
		}

		@Override
		public boolean applyGlobally() {
			return false;
		}

		@Override
		public String getName() {
			return NAME;
		}

	}

}

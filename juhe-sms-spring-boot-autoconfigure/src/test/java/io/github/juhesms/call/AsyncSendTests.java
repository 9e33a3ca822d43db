package io.github.juhesms.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.juhesms.autoconfigure.JuheSmsAsyncExecutor;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.error.JuheSmsInFlightLimitException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsLocalFailureException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsTransportException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.observation.JuheSmsObservationContext;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.ProductFixture;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import io.github.juhesms.video.VideoSmsResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.test.util.ReflectionTestUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.MOBILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code sendAsync} of every product: the result of one request on the executor the
 * application controls, validation and template checks before anything is queued, the
 * maximum in flight, the same refusals and no resend as {@code send}, and what cancelling
 * does.
 */
class AsyncSendTests extends JuheWireMockTests {

	private static final String VIDEO_SEND = "/caixinv2/send";

	private static final String VIDEO_SUCCESS = ProductFixture.success("{\"sid\":\"s-vid\"}");

	static Stream<AsyncProduct> products() {
		Map<JuheProduct, ProductFixture> fixtures = new java.util.EnumMap<>(JuheProduct.class);
		ProductFixture.all().forEach((fixture) -> fixtures.put(fixture.product(), fixture));
		Map<String, String> code = Map.of("code", "1234");
		return Stream.of(new AsyncProduct(fixtures.get(JuheProduct.INTERNATIONAL), "tplId", "7911123456",
				(context, options) -> international(context)
					.sendAsync(new InternationalSmsRequest("44", "7911123456", 12, code), options),
				(context) -> international(context)
					.sendAsync(new InternationalSmsRequest("44", "7911123456", 12, code)),
				(context) -> international(context).sendAsync(new InternationalSmsRequest("44", "12", 12, code))),
				new AsyncProduct(fixtures.get(JuheProduct.FINANCIAL), "tplId", MOBILE,
						(context, options) -> context.getBean(FinancialSmsClient.class)
							.sendAsync(new FinancialSmsRequest(List.of(MOBILE), 12, code), options),
						(context) -> context.getBean(FinancialSmsClient.class)
							.sendAsync(new FinancialSmsRequest(List.of(MOBILE), 12, code)),
						(context) -> context.getBean(FinancialSmsClient.class)
							.sendAsync(new FinancialSmsRequest(List.of(MOBILE, MOBILE), 12, code))),
				new AsyncProduct(fixtures.get(JuheProduct.VERIFICATION_CODE), "tplId", MOBILE,
						(context, options) -> context.getBean(VerificationCodeSmsClient.class)
							.sendAsync(MOBILE, 12, code, options),
						(context) -> context.getBean(VerificationCodeSmsClient.class).sendAsync(MOBILE, 12, code),
						(context) -> context.getBean(VerificationCodeSmsClient.class).sendAsync(MOBILE, 12, Map.of())),
				new AsyncProduct(fixtures.get(JuheProduct.SMS_API), "tpl_id", MOBILE,
						(context, options) -> context.getBean(SmsApiClient.class)
							.sendAsync(SmsApiRequest.of(MOBILE, 12, code), options),
						(context) -> context.getBean(SmsApiClient.class).sendAsync(SmsApiRequest.of(MOBILE, 12, code)),
						(context) -> context.getBean(SmsApiClient.class)
							.sendAsync(SmsApiRequest.of("2381234567", 12, code))),
				new AsyncProduct(fixtures.get(JuheProduct.VIDEO), "tplId", MOBILE,
						(context, options) -> context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 12, options),
						(context) -> context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 12),
						(context) -> context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 0)));
	}

	private static InternationalSmsClient international(ApplicationContext context) {
		return context.getBean(InternationalSmsClient.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("products")
	void sendAsyncCompletesWithTheParsedResultOfOneRequestOnTheStartersOwnPool(AsyncProduct product) {
		answer(product.fixture().sendPath(), product.fixture().sendSuccess());
		withRecorder(contextRunner()).run((context) -> {
			SendReceipt receipt = (SendReceipt) product.send().apply(context).get(5, TimeUnit.SECONDS);
			assertThat(receipt.sid()).startsWith("s-");
			assertThat(requestsTo(product.fixture().sendPath())).singleElement().satisfies((request) -> {
				Map<String, String> form = form(request);
				assertThat(form).containsEntry("mobile", product.mobile())
					.containsEntry(product.templateParameter(), "12")
					.containsEntry("key", KEY);
			});
			assertThat(context.getBean(Recorder.class).threads).singleElement()
				.satisfies((thread) -> assertThat(thread).startsWith("juhe-sms-async-"));
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("products")
	void sendAsyncWithOptionsReplaysAKeyAsSendDoes(AsyncProduct product) {
		answer(product.fixture().sendPath(), product.fixture().sendSuccess());
		contextRunner().run((context) -> {
			SendOptions options = SendOptions.idempotencyKey("order-1");
			SendReceipt first = (SendReceipt) product.sendWithOptions()
				.apply(context, options)
				.get(5, TimeUnit.SECONDS);
			SendReceipt again = (SendReceipt) product.sendWithOptions()
				.apply(context, options)
				.get(5, TimeUnit.SECONDS);
			assertThat(again.sid()).isEqualTo(first.sid());
			assertThat(requestsTo(product.fixture().sendPath())).hasSize(1);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("products")
	void invalidInputThrowsOnTheCallersThreadAndQueuesNothing(AsyncProduct product) {
		answer(product.fixture().sendPath(), product.fixture().sendSuccess());
		withRecorder(contextRunner()).run((context) -> {
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> product.invalid().apply(context));
			assertThat(requestsTo(product.fixture().sendPath())).isEmpty();
			assertThat(context.getBean(Recorder.class).threads).isEmpty();
		});
	}

	@Test
	void aSendThatFailsItsTemplateCheckThrowsBeforeAnythingIsQueued() {
		answer("/shortLetter/myTemplates.php", ProductFixture.success("{\"templates\":[]}"));
		contextRunner().withPropertyValues("juhe.sms.financial.template-check.enabled=true").run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> client.sendAsync(new FinancialSmsRequest(List.of(MOBILE), 12, Map.of())))
				.withMessageContaining("12");
			assertThat(requestsTo("/shortLetter/send.php")).isEmpty();
		});
	}

	@Test
	void overTheProductsMaximumInFlightASendIsRefusedAtOnceAndOtherProductsAreNotHeldBack() throws Exception {
		wireMock.stubFor(post(urlPathEqualTo(VIDEO_SEND)).willReturn(json(VIDEO_SUCCESS).withFixedDelay(800)));
		answer("/vercodesms/send", ProductFixture.success("{\"sid\":\"s-ver\"}"));
		contextRunner().withPropertyValues("juhe.sms.async.max-in-flight=5", "juhe.sms.video.async.max-in-flight=2")
			.run((context) -> {
				VideoSmsClient video = context.getBean(VideoSmsClient.class);
				CompletableFuture<?> first = video.sendAsync(MOBILE, 12);
				CompletableFuture<?> second = video.sendAsync(MOBILE, 12);
				CompletableFuture<?> refused = video.sendAsync(MOBILE, 12);
				assertThat(refused).isCompletedExceptionally();
				assertThatExceptionOfType(CompletionException.class).isThrownBy(refused::join)
					.havingCause()
					.isInstanceOf(JuheSmsInFlightLimitException.class)
					.withMessageContaining("2 asynchronous sends are already in flight")
					.withMessageContaining("juhe.sms.video.async.max-in-flight")
					.satisfies((ex) -> {
						JuheSmsInFlightLimitException limit = (JuheSmsInFlightLimitException) ex;
						assertThat(limit.getMaxInFlight()).isEqualTo(2);
						assertThat(limit.isRefusedLocally()).isTrue();
						assertThat(limit.isRetryable()).isTrue();
					});
				assertThat(context.getBean(VerificationCodeSmsClient.class)
					.sendAsync(MOBILE, 12, Map.of("code", "1234"))
					.get(5, TimeUnit.SECONDS)
					.sid()).isEqualTo("s-ver");
				CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
				assertThat(video.sendAsync(MOBILE, 12).get(5, TimeUnit.SECONDS).sid()).isEqualTo("s-vid");
				assertThat(requestsTo(VIDEO_SEND)).hasSize(3);
			});
	}

	@Test
	void theMaximumInFlightIsEachProductsOwnOrTheSharedOne() {
		contextRunner().withPropertyValues("juhe.sms.async.max-in-flight=7", "juhe.sms.sms-api.async.max-in-flight=3")
			.run((context) -> {
				Map<JuheProduct, Object> maxima = new java.util.EnumMap<>(JuheProduct.class);
				for (JuheProductApi api : context.getBean(JuheProductApiFactory.class).createdApis()) {
					maxima.put(api.getProduct(),
							ReflectionTestUtils.getField(ReflectionTestUtils.getField(api, "async"), "maxInFlight"));
				}
				assertThat(maxima).containsEntry(JuheProduct.SMS_API, 3)
					.containsEntry(JuheProduct.INTERNATIONAL, 7)
					.containsEntry(JuheProduct.FINANCIAL, 7)
					.containsEntry(JuheProduct.VERIFICATION_CODE, 7)
					.containsEntry(JuheProduct.VIDEO, 7);
			});
		contextRunner().run((context) -> assertThat(context.getBean(JuheProductApiFactory.class).createdApis())
			.allSatisfy((api) -> assertThat(
					ReflectionTestUtils.getField(ReflectionTestUtils.getField(api, "async"), "maxInFlight"))
				.isEqualTo(JuheProductApiFactory.DEFAULT_MAX_IN_FLIGHT)
				.isEqualTo(new io.github.juhesms.autoconfigure.JuheSmsProperties().getAsync().getMaxInFlight())));
	}

	@Test
	void aStageThatDependsOnASendMaySendAgainAtTheMaximum() throws Exception {
		answer(VIDEO_SEND, VIDEO_SUCCESS);
		contextRunner().withPropertyValues("juhe.sms.video.async.max-in-flight=1").run((context) -> {
			VideoSmsClient video = context.getBean(VideoSmsClient.class);
			String second = video.sendAsync(MOBILE, 12)
				.thenCompose((first) -> video.sendAsync(MOBILE, 12))
				.get(5, TimeUnit.SECONDS)
				.sid();
			assertThat(second).isEqualTo("s-vid");
			assertThat(requestsTo(VIDEO_SEND)).hasSize(2);
		});
	}

	@Test
	void anExecutorBeanQualifiedForTheStarterRunsTheSendsWithTheCallersObservationAsParent() {
		answer(VIDEO_SEND, VIDEO_SUCCESS);
		withRecorder(contextRunner().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class)))
			.withUserConfiguration(QualifiedExecutor.class)
			.withPropertyValues("spring.task.execution.mode=force")
			.run((context) -> {
				assertThat(context).hasBean("applicationTaskExecutor");
				ObservationRegistry registry = context.getBean(ObservationRegistry.class);
				Observation caller = Observation.start("caller", registry);
				CompletableFuture<?> sent;
				try (Observation.Scope scope = caller.openScope()) {
					sent = context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 12);
				}
				sent.get(5, TimeUnit.SECONDS);
				caller.stop();
				Recorder recorder = context.getBean(Recorder.class);
				assertThat(recorder.threads).singleElement()
					.satisfies((thread) -> assertThat(thread).startsWith("app-sms-"));
				assertThat(recorder.parents).singleElement().isSameAs(caller);
			});
	}

	@Test
	void bootsApplicationTaskExecutorRunsTheSendsByDefault() {
		answer(VIDEO_SEND, VIDEO_SUCCESS);
		withRecorder(contextRunner().withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class)))
			.withPropertyValues("spring.task.execution.thread-name-prefix=boot-task-")
			.run((context) -> {
				context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 12).get(5, TimeUnit.SECONDS);
				assertThat(context.getBean(Recorder.class).threads).singleElement()
					.satisfies((thread) -> assertThat(thread).startsWith("boot-task-"));
				assertThat(context.getBean(Recorder.class).parents).singleElement().isNull();
			});
	}

	@Test
	void aSendRefusedByTheLimitsCompletesWithTheExceptionSendThrows() throws Exception {
		answer(VIDEO_SEND, VIDEO_SUCCESS);
		contextRunner()
			.withPropertyValues("juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=1",
					"juhe.sms.limits.rules[0].window=1d")
			.run((context) -> {
				VideoSmsClient video = context.getBean(VideoSmsClient.class);
				video.sendAsync(MOBILE, 12).get(5, TimeUnit.SECONDS);
				CompletableFuture<?> limited = video.sendAsync(MOBILE, 12);
				assertThatExceptionOfType(CompletionException.class).isThrownBy(limited::join)
					.havingCause()
					.isInstanceOf(JuheSmsSendLimitException.class);
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> video.send(MOBILE, 12));
				assertThat(requestsTo(VIDEO_SEND)).hasSize(1);
			});
	}

	@Test
	void aLostAnswerCompletesWithOutcomeUnknownAndIsNotResent() {
		wireMock.stubFor(post(urlPathEqualTo(VIDEO_SEND)).willReturn(json(VIDEO_SUCCESS).withFixedDelay(1000)));
		contextRunner().withPropertyValues("juhe.sms.read-timeout=300ms").run((context) -> {
			CompletableFuture<?> sent = context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 12);
			assertThatExceptionOfType(CompletionException.class).isThrownBy(sent::join)
				.havingCause()
				.isInstanceOfSatisfying(JuheSmsTransportException.class,
						(ex) -> assertThat(ex.isOutcomeUnknown()).isTrue());
			assertThat(requestsTo(VIDEO_SEND)).hasSize(1);
		});
	}

	@Test
	void cancellingAQueuedSendSkipsItAndFreesItsPlaceInFlight() throws Exception {
		wireMock.stubFor(post(urlPathEqualTo(VIDEO_SEND)).willReturn(json(VIDEO_SUCCESS).withFixedDelay(600)));
		contextRunner().withUserConfiguration(OneThreadExecutor.class)
			.withPropertyValues("juhe.sms.video.async.max-in-flight=2")
			.run((context) -> {
				VideoSmsClient video = context.getBean(VideoSmsClient.class);
				CompletableFuture<?> running = video.sendAsync(MOBILE, 12);
				CompletableFuture<?> queued = video.sendAsync(MOBILE, 12);
				assertThat(queued.cancel(true)).isTrue();
				CompletableFuture<VideoSmsResult> completedByTheApplication = video.sendAsync(MOBILE, 12);
				completedByTheApplication.complete(new VideoSmsResult("mine"));
				CompletableFuture.allOf(running).get(5, TimeUnit.SECONDS);
				CompletableFuture<?> third = video.sendAsync(MOBILE, 12);
				assertThat(third).isNotCompletedExceptionally();
				third.get(5, TimeUnit.SECONDS);
				assertThat(queued).isCancelled();
				assertThat(completedByTheApplication.join().sid()).isEqualTo("mine");
				assertThat(requestsTo(VIDEO_SEND)).hasSize(2);
			});
	}

	@Test
	void cancellingASendUnderWayDoesNotTakeItsRequestBack() {
		wireMock.stubFor(post(urlPathEqualTo(VIDEO_SEND)).willReturn(json(VIDEO_SUCCESS).withFixedDelay(600)));
		withRecorder(contextRunner()).run((context) -> {
			CompletableFuture<?> sent = context.getBean(VideoSmsClient.class).sendAsync(MOBILE, 12);
			await().atMost(Duration.ofSeconds(5)).until(() -> !requestsTo(VIDEO_SEND).isEmpty());
			assertThat(sent.cancel(true)).isTrue();
			Recorder recorder = context.getBean(Recorder.class);
			await().atMost(Duration.ofSeconds(5)).until(() -> !recorder.outcomes.isEmpty());
			assertThat(recorder.outcomes).containsExactly("SUCCESS");
			assertThat(sent).isCancelled();
			assertThat(requestsTo(VIDEO_SEND)).hasSize(1);
		});
	}

	@Test
	void anExecutorThatRefusesTheSendFailsItsFutureAsALocalFailure() {
		contextRunner().withUserConfiguration(RefusingExecutor.class)
			.withPropertyValues("juhe.sms.video.async.max-in-flight=1")
			.run((context) -> {
				VideoSmsClient video = context.getBean(VideoSmsClient.class);
				for (int i = 0; i < 2; i++) {
					assertThatExceptionOfType(CompletionException.class).isThrownBy(video.sendAsync(MOBILE, 12)::join)
						.havingCause()
						.isInstanceOf(JuheSmsLocalFailureException.class)
						.withMessageContaining("the executor of asynchronous sends did not take the send");
				}
				assertThat(requestsTo(VIDEO_SEND)).isEmpty();
			});
	}

	@Test
	void theStartersOwnPoolIsShutDownWithTheContextAndNoneStartsAfter() throws Exception {
		answer(VIDEO_SEND, VIDEO_SUCCESS);
		contextRunner().run((context) -> {
			VideoSmsClient video = context.getBean(VideoSmsClient.class);
			video.sendAsync(MOBILE, 12).get(5, TimeUnit.SECONDS);
			context.close();
			assertThatExceptionOfType(CompletionException.class).isThrownBy(video.sendAsync(MOBILE, 12)::join)
				.havingCause()
				.isInstanceOf(JuheSmsLocalFailureException.class);
			assertThat(requestsTo(VIDEO_SEND)).hasSize(1);
		});
		contextRunner().run((context) -> {
			VideoSmsClient video = context.getBean(VideoSmsClient.class);
			context.close();
			assertThatExceptionOfType(CompletionException.class).isThrownBy(video.sendAsync(MOBILE, 12)::join)
				.havingCause()
				.isInstanceOf(JuheSmsLocalFailureException.class)
				.withMessageContaining("the Juhe SMS clients are closed");
		});
	}

	private static ApplicationContextRunner withRecorder(ApplicationContextRunner runner) {
		return runner.withUserConfiguration(RecordedObservations.class);
	}

	/**
	 * One product's asynchronous sends.
	 *
	 * @param fixture the product's fixture
	 * @param templateParameter the form parameter of the template id
	 * @param mobile the number the form carries
	 * @param sendWithOptions sends with options
	 * @param send sends without options
	 * @param invalid sends an invalid request
	 */
	record AsyncProduct(ProductFixture fixture, String templateParameter, String mobile,
			java.util.function.BiFunction<ApplicationContext, SendOptions, CompletableFuture<?>> sendWithOptions,
			Function<ApplicationContext, CompletableFuture<?>> send,
			Function<ApplicationContext, CompletableFuture<?>> invalid) {

		@Override
		public String toString() {
			return this.fixture.toString();
		}

	}

	/**
	 * Where each observed Juhe call started, its parent and its outcome.
	 */
	static final class Recorder implements ObservationHandler<JuheSmsObservationContext> {

		final List<String> threads = new CopyOnWriteArrayList<>();

		final List<Observation> parents = new CopyOnWriteArrayList<>();

		final List<String> outcomes = new CopyOnWriteArrayList<>();

		@Override
		public void onStart(JuheSmsObservationContext context) {
			this.threads.add(Thread.currentThread().getName());
			this.parents
				.add((context.getParentObservation() != null) ? (Observation) context.getParentObservation() : null);
		}

		@Override
		public void onStop(JuheSmsObservationContext context) {
			this.outcomes.add(String.valueOf(context.getOutcome()));
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof JuheSmsObservationContext;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordedObservations {

		@Bean
		Recorder recorder() {
			return new Recorder();
		}

		@Bean
		ObservationRegistry observationRegistry(Recorder recorder) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(recorder);
			return registry;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class QualifiedExecutor {

		@Bean(destroyMethod = "shutdown")
		@JuheSmsAsyncExecutor
		ExecutorService smsExecutor() {
			return Executors.newFixedThreadPool(2, new CustomizableThreadFactory("app-sms-"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneThreadExecutor {

		@Bean(destroyMethod = "shutdown")
		@JuheSmsAsyncExecutor
		ExecutorService smsExecutor() {
			return Executors.newSingleThreadExecutor(new CustomizableThreadFactory("one-sms-"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RefusingExecutor {

		@Bean
		@JuheSmsAsyncExecutor
		java.util.concurrent.Executor smsExecutor() {
			return (task) -> {
				throw new RejectedExecutionException("full");
			};
		}

	}

}

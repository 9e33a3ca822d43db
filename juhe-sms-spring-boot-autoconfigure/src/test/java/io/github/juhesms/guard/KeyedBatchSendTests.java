package io.github.juhesms.guard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.juhesms.call.JuheCall;
import io.github.juhesms.call.JuheForm;
import io.github.juhesms.call.JuheProductApi;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsIdempotencyKeyReusedException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.test.Concurrently;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.core.StringRedisTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A Financial batch with an idempotency key, whose guard claims the key and takes the
 * numbers' permits together (one store call on Redis, two in memory): numbers over their
 * limits are left out and reported, a repeat replays the first result without a request
 * or a permit, a batch refused whole leaves its key free, a reused key is refused; in
 * memory and on a real redis-server, counted in requests that reached Juhe.
 */
class KeyedBatchSendTests extends JuheWireMockTests {

	private static final String SEND = "/shortLetter/send.php";

	private static final String A = "13812345678";

	private static final String B = "13912345678";

	private static final String C = "15012345678";

	private static final String D = "15112345678";

	private static final List<String> ABC = List.of(A, B, C);

	private final String prefix = "keyed-batch-" + UUID.randomUUID() + ":";

	enum Store {

		MEMORY, REDIS

	}

	// Limits on, the carriers' rules unless a test sets its own, in memory or on the
	// test redis-server under a prefix of this test's own.
	private ApplicationContextRunner runner(Store store) {
		ApplicationContextRunner runner = contextRunner().withPropertyValues("juhe.sms.limits.enabled=true");
		if (store == Store.MEMORY) {
			return runner;
		}
		return runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix);
	}

	private static FinancialSmsRequest to(List<String> mobiles) {
		return new FinancialSmsRequest(mobiles, 12, Map.of("code", "1"));
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aRepeatReplaysTheFirstResultWithoutARequestThoughItsNumbersHaveHadTheirSend(Store store) {
		answerInTurn(SEND, success("{\"sid\":\"f1\",\"fee\":3}"), success("{\"sid\":\"f2\",\"fee\":3}"));
		runner(store).run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			SendOptions key = SendOptions.idempotencyKey("order-1");
			assertThat(client.send(to(ABC), key).sid()).isEqualTo("f1");
			// One send a minute: every number has had its send, yet the repeat is the
			// first send again, not a new one the limits refuse.
			FinancialSmsResult replay = client.send(to(ABC), key);
			assertThat(replay.sid()).isEqualTo("f1");
			assertThat(replay.fee()).isEqualTo(3);
			assertThat(replay.limited()).isEmpty();
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aReplayTakesNoPermit(Store store) {
		answer(SEND, success("{\"sid\":\"f1\",\"fee\":3}"));
		runner(store).withPropertyValues("juhe.sms.limits.rules[0].count=2", "juhe.sms.limits.rules[0].window=1h")
			.run((context) -> {
				FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
				SendOptions key = SendOptions.idempotencyKey("order-1");
				client.send(to(ABC), key);
				client.send(to(ABC), key);
				client.send(to(ABC), key);
				assertThat(requestsTo(SEND)).hasSize(1);
				// Each number still has its second send of the hour, and no third.
				assertThat(client.send(to(ABC)).limited()).isEmpty();
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> client.send(to(ABC)))
					.satisfies((ex) -> assertThat(ex.getRefusals()).hasSize(3));
				assertThat(requestsTo(SEND)).hasSize(2);
			});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void numbersOverTheirLimitsAreLeftOutAndReportedAndARepeatReplays(Store store) {
		answerInTurn(SEND, success("{\"sid\":\"a\",\"fee\":1}"), success("{\"sid\":\"batch\",\"fee\":2}"));
		runner(store).run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			client.send(to(List.of(A)));
			SendOptions key = SendOptions.idempotencyKey("order-2");
			FinancialSmsResult sent = client.send(to(ABC), key);
			assertThat(sent.sid()).isEqualTo("batch");
			assertThat(sent.limited()).singleElement().satisfies((refusal) -> {
				assertThat(refusal.mobile()).isEqualTo(A);
				assertThat(refusal.source()).isEqualTo("juhe.sms.limits.rules");
				assertThat(refusal.retryAt()).isAfter(Instant.now().plusSeconds(30));
			});
			// The form is the admitted numbers', in the request's order.
			assertThat(form(requestsTo(SEND).get(1))).containsEntry("mobile", B + "," + C)
				.containsEntry("tplId", "12")
				.containsEntry("tplValue", "#code#=1");
			// The fingerprint is the whole request's: the repeat is the same send.
			assertThat(client.send(to(ABC), key).sid()).isEqualTo("batch");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aBatchWhoseEveryNumberIsOverItsLimitSendsNothingAndLeavesItsKeyFree(Store store) {
		answerInTurn(SEND, success("{\"sid\":\"first\",\"fee\":2}"), success("{\"sid\":\"later\",\"fee\":2}"));
		runner(store)
			.withPropertyValues("juhe.sms.limits.rules[0].count=1", "juhe.sms.limits.rules[0].window=1s",
					"juhe.sms.idempotency.wait-timeout=300ms")
			.run((context) -> {
				FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
				client.send(to(List.of(A, B)));
				SendOptions key = SendOptions.idempotencyKey("order-3");
				Instant allowed = assertThatExceptionOfType(JuheSmsSendLimitException.class)
					.isThrownBy(() -> client.send(to(List.of(A, B)), key))
					.actual()
					.getRefusals()
					.stream()
					.map(SendLimitRefusal::retryAt)
					.max(Instant::compareTo)
					.orElseThrow();
				assertThat(requestsTo(SEND)).hasSize(1);
				if (store == Store.REDIS) {
					assertThat(context.getBean(StringRedisTemplate.class).keys(this.prefix + "idempotency:*"))
						.isEmpty();
				}
				Thread.sleep(Math.max(0, Duration.between(Instant.now(), allowed).toMillis()) + 100);
				// The key was given up: the same send, once the limits allow it, is sent.
				assertThat(client.send(to(List.of(A, B)), key).sid()).isEqualTo("later");
				assertThat(requestsTo(SEND)).hasSize(2);
			});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aKeyReusedForAnotherBatchIsRefusedAndTakesNoPermit(Store store) {
		answer(SEND, success("{\"sid\":\"batch\",\"fee\":2}"));
		runner(store).run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			SendOptions key = SendOptions.idempotencyKey("order-4");
			client.send(to(List.of(A, B)), key);
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class)
				.isThrownBy(() -> client.send(to(List.of(C, D)), key));
			assertThatExceptionOfType(JuheSmsIdempotencyKeyReusedException.class)
				.isThrownBy(() -> client.send(new FinancialSmsRequest(List.of(A, B), 12, Map.of("code", "2")), key));
			// Nothing went to C and D: each still has its one send a minute.
			assertThat(client.send(to(List.of(C, D))).limited()).isEmpty();
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aBatchASpendCapCannotTakeGivesBackItsKeyAndItsPermits(Store store) {
		answer(SEND, success("{\"sid\":\"capped\",\"fee\":3}"));
		runner(store).withPropertyValues("juhe.sms.financial.spend-caps.daily=3").run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			SendOptions key = SendOptions.idempotencyKey("order-5");
			assertThatExceptionOfType(JuheSmsSpendCapException.class)
				.isThrownBy(() -> client.send(to(List.of(A, B, C, D)), key));
			assertThat(requestsTo(SEND)).isEmpty();
			// Key, permits and units came back: under the same key, another request (it
			// would be refused as a reuse of a key still held) sends to three of the
			// numbers, whose permits and the cap's three units are free.
			FinancialSmsResult sent = client.send(to(ABC), key);
			assertThat(sent.sid()).isEqualTo("capped");
			assertThat(sent.limited()).isEmpty();
			assertThat(form(requestsTo(SEND).get(0))).containsEntry("mobile", A + "," + B + "," + C);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void aFormThatCannotBeBuiltForTheAdmittedNumbersGivesBackTheKeyAndThePermits(Store store) {
		answer(SEND, success("{\"sid\":\"own\",\"fee\":2}"));
		runner(store).withPropertyValues("juhe.sms.idempotency.wait-timeout=300ms").run((context) -> {
			context.getBean(FinancialSmsClient.class).send(to(List.of(A)));
			// A client of the application's own, through the starter's pipeline.
			JuheProductApi api = context.getBean(JuheProductApiFactory.class)
				.create(JuheProduct.FINANCIAL, KEY, Set.of());
			JuheCall batch = JuheCall.send(JuheOperation.send(JuheProduct.FINANCIAL, "send", "/send.php"),
					new JuheForm().add("mobile", String.join(",", ABC)).add("tplId", 12), ABC, 12,
					SendOptions.idempotencyKey("own-1"));
			assertThatIllegalStateException().isThrownBy(() -> api.sendEach(batch, (admitted) -> {
				throw new IllegalStateException("no form for " + admitted.size());
			}, (result, admission) -> result.requiredText("sid"))).withMessage("no form for 2");
			assertThat(requestsTo(SEND)).hasSize(1);
			// Key and permits came back: the same send, with a form, goes to B and C.
			String sent = api.sendEach(batch,
					(admitted) -> new JuheForm().add("mobile", String.join(",", admitted)).add("tplId", 12),
					(result, admission) -> result.requiredText("sid") + ":" + admission.admitted() + ":"
							+ admission.refused().size());
			assertThat(sent).isEqualTo("own:[" + B + ", " + C + "]:1");
			assertThat(form(requestsTo(SEND).get(1))).containsEntry("mobile", B + "," + C);
		});
	}

	@ParameterizedTest
	@EnumSource(Store.class)
	void concurrentBatchesWithOneKeyMakeOneRequest(Store store) throws Exception {
		wireMock.stubFor(post(urlPathEqualTo(SEND))
			.willReturn(json(success("{\"sid\":\"only\",\"fee\":3}")).withFixedDelay(300)));
		runner(store).run((context) -> {
			FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
			List<Object> outcomes = Concurrently.run(10,
					(i) -> client.send(to(ABC), SendOptions.idempotencyKey("order-6")));
			assertThat(outcomes)
				.allSatisfy((outcome) -> assertThat(((FinancialSmsResult) outcome).sid()).isEqualTo("only"));
			assertThat(requestsTo(SEND)).hasSize(1);
		});
	}

}

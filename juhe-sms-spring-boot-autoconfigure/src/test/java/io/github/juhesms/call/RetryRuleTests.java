package io.github.juhesms.call;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import io.github.juhesms.call.RetryRule.Decision;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheErrorCatalog;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsTransportException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of the retry rule: which failed attempts are made again, on a send and on a
 * query, and what stops a safe retry.
 */
class RetryRuleTests {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.INTERNATIONAL, "send", "/send");

	private static final JuheOperation QUERY = JuheOperation.query(JuheProduct.INTERNATIONAL, "myTemplates",
			"/myTemplates");

	// 235700 is configured as busy; 235712 is filed as busy by the catalog but left out.
	private static final Set<Integer> BUSY_CODES = Set.of(235700);

	static Stream<Arguments> rows() {
		return Stream.of(row("configured busy code on a send", SEND, (op) -> answer(op, 235700), Decision.RETRY),
				row("configured busy code on a query", QUERY, (op) -> answer(op, 235700), Decision.RETRY),
				row("catalog-busy code not configured", SEND, (op) -> answer(op, 235712), Decision.NOT_SAFE),
				row("rejection code", SEND, (op) -> answer(op, 235710), Decision.NOT_SAFE),
				row("connection never opened on a send", SEND, (op) -> lost(op, false, new ConnectException()),
						Decision.RETRY),
				row("connection never opened on a query", QUERY, (op) -> lost(op, false, new ConnectException()),
						Decision.RETRY),
				row("read timeout on a send", SEND, (op) -> lost(op, true, new SocketTimeoutException()),
						Decision.NOT_SAFE),
				row("read timeout on a query", QUERY, (op) -> lost(op, true, new SocketTimeoutException()),
						Decision.RETRY),
				row("reset on a send", SEND, (op) -> lost(op, true, new IOException("Connection reset")),
						Decision.NOT_SAFE),
				row("reset on a query", QUERY, (op) -> lost(op, true, new IOException("Connection reset")),
						Decision.RETRY),
				row("5xx on a send", SEND, (op) -> unusable(op, 502, true), Decision.NOT_SAFE),
				row("5xx on a query", QUERY, (op) -> unusable(op, 502, true), Decision.RETRY),
				row("garbled body on a send", SEND, (op) -> unusable(op, 200, true), Decision.NOT_SAFE),
				row("garbled body on a query", QUERY, (op) -> unusable(op, 200, true), Decision.RETRY),
				row("answer that does not fit the document on a query", QUERY, (op) -> unusable(op, 200, false),
						Decision.NOT_SAFE),
				row("fail-fast refusal of a configured busy code", SEND,
						(op) -> JuheErrorCatalog.refusal(op, 235700, "busy (not sent: failing fast)", BUSY_CODES),
						Decision.REFUSED_BY_STARTER),
				row("not a Juhe failure", QUERY, (op) -> new IllegalStateException("a mapper's bug"),
						Decision.NOT_SAFE));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void decidesEachRow(String row, JuheOperation operation, Function<JuheOperation, RuntimeException> failure,
			Decision expected) {
		RetryRule rule = new RetryRule(BUSY_CODES, 3, new RetryBudget(RetryBudgetSettings.DEFAULTS));
		assertThat(rule.decide(operation, attempt(failure.apply(operation), 1))).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void anEmptyBudgetStopsOnlyWhatWouldBeRetried(String row, JuheOperation operation,
			Function<JuheOperation, RuntimeException> failure, Decision expected) {
		RetryRule rule = ruleWithOneRetryToken();
		rule.decide(QUERY, attempt(lost(QUERY, false, new ConnectException()), 1));
		Decision decision = rule.decide(operation, attempt(failure.apply(operation), 1));
		assertThat(decision).isEqualTo((expected == Decision.RETRY) ? Decision.BUDGET_EMPTY : expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rows")
	void theLastAttemptIsNotRetriedAndTakesNoToken(String row, JuheOperation operation,
			Function<JuheOperation, RuntimeException> failure, Decision expected) {
		RetryRule rule = ruleWithOneRetryToken();
		Decision last = rule.decide(operation, attempt(failure.apply(operation), 3));
		assertThat(last).isEqualTo((expected == Decision.RETRY) ? Decision.ATTEMPTS_USED : expected);
		assertThat(rule.decide(QUERY, attempt(lost(QUERY, false, new ConnectException()), 1)))
			.isEqualTo(Decision.RETRY);
	}

	private static RetryRule ruleWithOneRetryToken() {
		return new RetryRule(BUSY_CODES, 3, new RetryBudget(new RetryBudgetSettings(true, 1, Duration.ofDays(1))));
	}

	private static Arguments row(String name, JuheOperation operation,
			Function<JuheOperation, RuntimeException> failure, Decision expected) {
		return Arguments.of(name, operation, failure, expected);
	}

	private static RuntimeException attempt(RuntimeException failure, int attempts) {
		if (failure instanceof JuheSmsException juhe && !juhe.isRefusedLocally()) {
			juhe.setAttempts(attempts);
		}
		return failure;
	}

	private static RuntimeException answer(JuheOperation operation, int code) {
		return JuheErrorCatalog.exception(operation, code, "reason", BUSY_CODES);
	}

	private static RuntimeException lost(JuheOperation operation, boolean connectionOpened, IOException cause) {
		return new JuheSmsTransportException(operation, connectionOpened, cause);
	}

	private static RuntimeException unusable(JuheOperation operation, int status, boolean transientFailure) {
		return new JuheSmsInvalidResponseException(operation, status, "<html>", "not JSON", transientFailure, null);
	}

}

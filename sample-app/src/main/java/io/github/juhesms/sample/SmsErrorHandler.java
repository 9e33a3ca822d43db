package io.github.juhesms.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsIdempotencyKeyReusedException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.store.SendLimitRefusal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the starter's exceptions into problem details an API client can act on.
 */
@RestControllerAdvice
class SmsErrorHandler {

	@ExceptionHandler
	ProblemDetail invalidRequest(JuheSmsInvalidRequestException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setProperty("field", ex.getField());
		problem.setProperty("rule", ex.getRule());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> sendLimit(JuheSmsSendLimitException ex) {
		// With several numbers refused (a financial send), the client may retry once the
		// last one is free.
		SendLimitRefusal last = ex.getRefusals()
			.stream()
			.max(Comparator.comparing(SendLimitRefusal::retryAt))
			.orElseThrow();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setProperty("rule", last.rule().toString());
		problem.setProperty("retryAt", last.retryAt());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntil(last.retryAt())))
			.body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> spendCap(JuheSmsSpendCapException ex) {
		// The application's budget, not the client's rate: 429 until the cap resets.
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
		problem.setProperty("cap", ex.getCap().toString());
		problem.setProperty("resetsAt", ex.getResetsAt());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(secondsUntil(ex.getResetsAt())))
			.body(problem);
	}

	@ExceptionHandler
	ProblemDetail duplicateSend(JuheSmsDuplicateSendException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("firstStartedAt", ex.getFirstStartedAt());
		problem.setProperty("outcomeUnknown", ex.isOutcomeUnknown());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail idempotencyKeyReused(JuheSmsIdempotencyKeyReusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(422), ex.getMessage());
		problem.setProperty("firstStartedAt", ex.getFirstStartedAt());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail juheFailure(JuheSmsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setProperty("category", ex.getCategory());
		problem.setProperty("errorCode", ex.getErrorCode());
		problem.setProperty("retryable", ex.isRetryable());
		problem.setProperty("outcomeUnknown", ex.isOutcomeUnknown());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notConfigured(NotConfiguredException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	// Retry-After is whole seconds; rounded up so that a client waiting that long is not
	// refused again.
	private static long secondsUntil(Instant instant) {
		Duration wait = Duration.between(Instant.now(), instant);
		return Math.max(1, wait.getSeconds() + ((wait.getNano() > 0) ? 1 : 0));
	}

}

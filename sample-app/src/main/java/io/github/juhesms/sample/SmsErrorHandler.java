package io.github.juhesms.sample;

import io.github.juhesms.core.JuheSmsException;
import io.github.juhesms.core.JuheSmsInvalidRequestException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
	ProblemDetail juheFailure(JuheSmsException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setProperty("category", ex.getCategory());
		problem.setProperty("errorCode", ex.getErrorCode());
		problem.setProperty("retryable", ex.isRetryable());
		problem.setProperty("outcomeUnknown", ex.isOutcomeUnknown());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notConfigured(ProductNotConfiguredException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

}

package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;

/**
 * The call failed inside the application before its request was handed to the HTTP
 * library (a request interceptor that threw, such as an open circuit breaker, or a
 * request that could not be built), so no byte of it left the process: nothing was sent
 * or billed, the number's permits and the idempotency key were given back, and it was not
 * retried, since the same failure would repeat.
 */
public class JuheSmsLocalFailureException extends JuheSmsException {

	/**
	 * Create an exception for a call that failed before anything was sent.
	 * @param operation the operation
	 * @param cause the failure
	 */
	public JuheSmsLocalFailureException(JuheOperation operation, Throwable cause) {
		super(operation, JuheSmsErrorCategory.LOCAL_FAILURE, "failed before anything was sent, nothing reached Juhe ("
				+ cause.getClass().getSimpleName() + ": " + Masking.digitRuns(String.valueOf(cause.getMessage())) + ")",
				cause);
		refusedLocally();
	}

	/**
	 * Create an exception for a call the starter refused before anything was sent, as
	 * something it needs failed.
	 * @param operation the operation
	 * @param reason what failed and why the call needs it
	 * @param cause the failure
	 */
	public JuheSmsLocalFailureException(JuheOperation operation, String reason, Throwable cause) {
		super(operation, JuheSmsErrorCategory.LOCAL_FAILURE, "refused before anything was sent, nothing reached Juhe: "
				+ reason + " (" + Masking.digitRuns(String.valueOf(cause.getMessage())) + ")", cause);
		refusedLocally();
	}

}

package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import org.jspecify.annotations.Nullable;

/**
 * Juhe's answer was not a usable envelope: a non-2xx status, an HTML page, an empty body,
 * malformed JSON or a field of an unexpected type. Carries the HTTP status and a short
 * excerpt of the body. For a send or a template submission the request may have been
 * accepted, so the outcome is unknown.
 */
public class JuheSmsInvalidResponseException extends JuheSmsException {

	/** HTTP status of the answer. */
	private final int httpStatus;

	/** The start of the body that came back. */
	private final String bodyExcerpt;

	/** Whether the request may have been accepted although the answer was unusable. */
	private final boolean outcomeUnknown;

	/** Whether the same request may safely be made again. */
	private final boolean retryable;

	/** Whether a repeat may get a usable answer. */
	private final boolean transientFailure;

	/**
	 * Create an exception for an unusable answer.
	 * @param operation the operation whose answer it was
	 * @param httpStatus the HTTP status code
	 * @param bodyExcerpt a short excerpt of the body (never the request)
	 * @param problem what is wrong with the answer
	 * @param transientFailure whether a repeat may get a usable answer (a 5xx, a garbled
	 * or empty body), as opposed to an answer that does not fit the document
	 * @param cause the parsing failure, if any
	 */
	public JuheSmsInvalidResponseException(JuheOperation operation, int httpStatus, String bodyExcerpt, String problem,
			boolean transientFailure, @Nullable Throwable cause) {
		super(operation, JuheSmsErrorCategory.INVALID_RESPONSE,
				Masking.digitRuns(problem) + " (HTTP " + httpStatus + ", body: " + quote(bodyExcerpt) + ")", cause);
		this.httpStatus = httpStatus;
		this.bodyExcerpt = bodyExcerpt;
		// A 4xx answer means the request was refused before any processing.
		boolean mayHaveBeenProcessed = httpStatus < 400 || httpStatus >= 500;
		this.outcomeUnknown = !operation.isIdempotent() && mayHaveBeenProcessed;
		this.retryable = operation.isIdempotent() && transientFailure;
		this.transientFailure = transientFailure;
	}

	private static String quote(String excerpt) {
		return excerpt.isEmpty() ? "<empty>" : "\"" + excerpt + "\"";
	}

	/**
	 * HTTP status of the answer.
	 * @return the status code
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * The start of the body that came back, for diagnosis.
	 * @return the excerpt, empty for an empty body
	 */
	public String getBodyExcerpt() {
		return this.bodyExcerpt;
	}

	/**
	 * Whether a repeat may get a usable answer (a 5xx, a garbled or empty body), as
	 * opposed to an answer that does not fit the document.
	 * @return {@code true} for a transient failure
	 */
	public boolean isTransientFailure() {
		return this.transientFailure;
	}

	@Override
	public boolean isOutcomeUnknown() {
		return this.outcomeUnknown;
	}

	@Override
	public boolean isRetryable() {
		return this.retryable;
	}

}

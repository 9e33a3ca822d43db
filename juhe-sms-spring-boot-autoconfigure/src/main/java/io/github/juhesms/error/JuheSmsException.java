package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * Base of every exception the Juhe SMS clients throw. Carries the product and operation,
 * and the Juhe {@code error_code} and {@code reason} when Juhe answered with one. Never
 * carries the key.
 */
public abstract class JuheSmsException extends RuntimeException {

	/** Product whose call failed. */
	private final JuheProduct product;

	/** Operation that failed, as the Juhe document names it. */
	private final String operation;

	/** What kind of failure this is. */
	private final JuheSmsErrorCategory category;

	/** HTTP requests made for the call, retries included. */
	private int attempts = 1;

	/** Whether the starter refused the call before any request to Juhe. */
	private boolean refusedLocally;

	/**
	 * Create an exception for a failed call of an operation.
	 * @param operation the operation that failed
	 * @param category what kind of failure this is
	 * @param message what went wrong
	 * @param cause the underlying failure, if any
	 */
	protected JuheSmsException(JuheOperation operation, JuheSmsErrorCategory category, String message,
			@Nullable Throwable cause) {
		super(operation + ": " + message, cause);
		this.product = operation.product();
		this.operation = operation.name();
		this.category = category;
	}

	/**
	 * Product whose call failed.
	 * @return the product
	 */
	public JuheProduct getProduct() {
		return this.product;
	}

	/**
	 * Operation that failed, as the Juhe document names it (e.g. {@code send}).
	 * @return the operation name
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * What kind of failure this is.
	 * @return the category
	 */
	public JuheSmsErrorCategory getCategory() {
		return this.category;
	}

	/**
	 * Juhe's {@code error_code}, when Juhe answered with one.
	 * @return the error code or {@code null}
	 */
	public @Nullable Integer getErrorCode() {
		return null;
	}

	/**
	 * Juhe's {@code reason}, when Juhe answered with one, with runs of seven or more
	 * digits (phone numbers) masked as in the message.
	 * @return the reason or {@code null}
	 */
	public @Nullable String getReason() {
		return null;
	}

	/**
	 * Whether the same request may safely be made again later, because Juhe surely did
	 * not act on it.
	 * @return {@code true} when a later retry cannot duplicate a message
	 */
	public boolean isRetryable() {
		return false;
	}

	/**
	 * Whether the request may have been accepted although no usable answer arrived. A
	 * send in this state may have been delivered and billed: reconcile with Juhe before
	 * sending again.
	 * @return {@code true} when the outcome is unknown
	 */
	public boolean isOutcomeUnknown() {
		return false;
	}

	/**
	 * Whether the starter refused the call itself before any request to Juhe: an invalid
	 * input, a send limit, a duplicate, an unreachable store or a fail-fast cool-down.
	 * Nothing was sent or billed.
	 * @return {@code true} when no request was made
	 */
	public boolean isRefusedLocally() {
		return this.refusedLocally;
	}

	void refusedLocally() {
		this.refusedLocally = true;
		this.attempts = 0;
	}

	/**
	 * Number of HTTP requests made for the call, retries included (0 when refused before
	 * any call).
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Set by the call pipeline once the call has ended.
	 * @param attempts the HTTP requests made
	 */
	public void setAttempts(int attempts) {
		this.attempts = attempts;
	}

}

package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * No answer arrived. When the connection never opened (refused, connect timeout, unknown
 * host) Juhe surely did not see the request and it was retried. Otherwise (read timeout,
 * reset, empty reply) a send may have been accepted: {@link #isOutcomeUnknown()} is
 * {@code true} and the starter did not resend it.
 */
public class JuheSmsTransportException extends JuheSmsException {

	/** Whether a connection to Juhe was open when the failure happened. */
	private final boolean connectionOpened;

	/** Whether a send may have been accepted although no answer arrived. */
	private final boolean outcomeUnknown;

	/** Whether the same request may safely be made again. */
	private final boolean retryable;

	/**
	 * Create an exception for a call that got no answer.
	 * @param operation the operation
	 * @param connectionOpened whether a connection to Juhe was open, so the request may
	 * have been written
	 * @param cause the I/O failure
	 */
	public JuheSmsTransportException(JuheOperation operation, boolean connectionOpened, Throwable cause) {
		super(operation, JuheSmsErrorCategory.TRANSPORT, describe(operation, connectionOpened, cause), cause);
		this.connectionOpened = connectionOpened;
		this.outcomeUnknown = connectionOpened && !operation.isIdempotent();
		this.retryable = !connectionOpened || operation.isIdempotent();
	}

	private static String describe(JuheOperation operation, boolean connectionOpened, Throwable cause) {
		String what = connectionOpened ? "no answer from Juhe" : "could not connect to Juhe";
		String outcome = (connectionOpened && !operation.isIdempotent())
				? "; outcome unknown: the request may have been accepted, it was not resent" : "";
		return what + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")" + outcome;
	}

	/**
	 * Whether a connection to Juhe was open when the failure happened.
	 * @return {@code false} when the connection never opened
	 */
	public boolean isConnectionOpened() {
		return this.connectionOpened;
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

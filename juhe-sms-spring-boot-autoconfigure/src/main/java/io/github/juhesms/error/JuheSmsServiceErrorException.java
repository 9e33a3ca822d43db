package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * Juhe or the carrier reported a failure on its side (send failed, internal error). Not
 * retried: Juhe does not invite a retry for these codes. For 10014 on a send (the
 * document itself warns that the outcome must be checked) and 222800 (a network fault
 * between Juhe and the carrier), {@link #isOutcomeUnknown()} is {@code true}.
 */
public class JuheSmsServiceErrorException extends JuheSmsApiException {

	/** Whether a send may have been accepted despite the reported failure. */
	private final boolean outcomeUnknown;

	/**
	 * Create an exception for an answer of Juhe.
	 * @param operation the failed operation
	 * @param errorCode Juhe's error_code
	 * @param reason Juhe's reason
	 */
	public JuheSmsServiceErrorException(JuheOperation operation, int errorCode, String reason) {
		super(operation, JuheSmsErrorCategory.SERVICE_ERROR, errorCode, reason);
		this.outcomeUnknown = !operation.isIdempotent()
				&& JuheErrorCatalog.find(errorCode).map(JuheErrorCode::outcomeUncertain).orElse(false);
	}

	@Override
	public boolean isOutcomeUnknown() {
		return this.outcomeUnknown;
	}

}

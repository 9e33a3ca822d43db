package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import org.jspecify.annotations.Nullable;

/**
 * Juhe answered with a non-zero {@code error_code}. The subclass tells the category.
 */
public abstract class JuheSmsApiException extends JuheSmsException {

	/** Juhe's {@code error_code}. */
	private final int errorCode;

	/** Juhe's {@code reason}, with phone numbers masked. */
	private final String reason;

	/** The catalog entry for the code, when the code is documented. */
	private final @Nullable JuheErrorCode documented;

	/**
	 * Create an exception for an answer of Juhe with a non-zero {@code error_code}.
	 * @param operation the operation that was called
	 * @param category the category the code belongs to
	 * @param errorCode Juhe's {@code error_code}
	 * @param reason Juhe's {@code reason}
	 */
	protected JuheSmsApiException(JuheOperation operation, JuheSmsErrorCategory category, int errorCode,
			String reason) {
		super(operation, category, describe(errorCode, reason), null);
		this.errorCode = errorCode;
		// Juhe's reason may quote the number it refuses.
		this.reason = Masking.digitRuns(reason);
		this.documented = JuheErrorCatalog.find(errorCode).orElse(null);
	}

	private static String describe(int errorCode, String reason) {
		StringBuilder message = new StringBuilder("Juhe error_code ").append(errorCode);
		message.append(" (").append(Masking.digitRuns(reason)).append(')');
		JuheErrorCatalog.find(errorCode)
			.ifPresent((code) -> message.append(": ")
				.append(code.description())
				.append(" [")
				.append(code.documentText())
				.append(']'));
		return message.toString();
	}

	@Override
	public Integer getErrorCode() {
		return this.errorCode;
	}

	@Override
	public String getReason() {
		return this.reason;
	}

	/**
	 * The catalog entry for the code, with the document's text, when the code is
	 * documented.
	 * @return the documented code or {@code null}
	 */
	public @Nullable JuheErrorCode getDocumented() {
		return this.documented;
	}

}

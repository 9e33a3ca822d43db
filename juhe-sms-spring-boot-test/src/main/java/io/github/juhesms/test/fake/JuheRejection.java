package io.github.juhesms.test.fake;

import io.github.juhesms.error.JuheErrorCatalog;
import io.github.juhesms.error.JuheErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a request with a documented {@code error_code}; thrown by the endpoints,
 * answered as an error envelope.
 */
final class JuheRejection extends RuntimeException {

	private final int code;

	private final String reason;

	private JuheRejection(int code, String reason) {
		super(code + " " + reason, null, false, false);
		this.code = code;
		this.reason = reason;
	}

	/**
	 * A rejection whose reason is the document's text for the code, followed by a detail
	 * when the document says to look at the reason ("具体看返回") or one code covers several
	 * faults.
	 * @param code the documented code
	 * @param detail what exactly is wrong, or {@code null}
	 * @return the rejection
	 */
	static JuheRejection of(int code, @Nullable String detail) {
		String text = documentText(code);
		return new JuheRejection(code, (detail != null) ? text + ":" + detail : text);
	}

	static String documentText(int code) {
		return JuheErrorCatalog.find(code).map(JuheErrorCode::documentText).orElse("未知错误");
	}

	int code() {
		return this.code;
	}

	String reason() {
		return this.reason;
	}

}

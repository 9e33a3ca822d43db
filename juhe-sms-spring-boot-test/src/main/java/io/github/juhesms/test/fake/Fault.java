package io.github.juhesms.test.fake;

import java.time.Duration;

/**
 * A fault to apply to the next requests a target matches.
 *
 * @param kind what happens to the request
 * @param errorCode the {@code error_code} answered, for {@link Kind#ERROR_CODE}
 * @param delay how long the answer is held back, for {@link Kind#DELAY}
 */
record Fault(Kind kind, int errorCode, Duration delay) {

	static Fault errorCode(int errorCode) {
		return new Fault(Kind.ERROR_CODE, errorCode, Duration.ZERO);
	}

	static Fault delay(Duration delay) {
		return new Fault(Kind.DELAY, 0, delay);
	}

	static Fault of(Kind kind) {
		return new Fault(kind, 0, Duration.ZERO);
	}

	/**
	 * What a fault does. Whether the request is processed decides whether a send is in
	 * the outbox.
	 */
	enum Kind {

		/**
		 * Answer an error envelope; the request is not processed, as busy answers are not
		 * billed.
		 */
		ERROR_CODE,

		/** Process the request and answer late. */
		DELAY,

		/**
		 * Process the request, then close the connection without an answer: the answer is
		 * lost.
		 */
		DROP_CONNECTION,

		/** Answer a 502 HTML page from a gateway; the request never reached Juhe. */
		HTML_ERROR_PAGE

	}

}

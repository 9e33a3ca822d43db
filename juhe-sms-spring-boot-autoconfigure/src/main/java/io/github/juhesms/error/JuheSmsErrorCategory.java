package io.github.juhesms.error;

/**
 * What went wrong, in terms a caller can act on.
 */
public enum JuheSmsErrorCategory {

	/** Juhe was busy and did not accept the request; safe to try again later. */
	BUSY,

	/**
	 * The key or the account is wrong, expired or banned (10001-10009); fix the
	 * configuration.
	 */
	CREDENTIALS,

	/** A quota or rate limit was reached (10011-10013, product codes such as 235711). */
	QUOTA,

	/**
	 * The API or its carrier channel is under maintenance, stopped or down (10020, 10021,
	 * channel codes).
	 */
	SERVICE_UNAVAILABLE,

	/**
	 * Juhe or the carrier reported a failure on its side (send failed, internal error).
	 */
	SERVICE_ERROR,

	/** Juhe rejected the request: bad mobile, template, content or parameter. */
	REJECTED,

	/**
	 * Juhe's answer was not a usable envelope: non-2xx status, HTML, empty body,
	 * malformed JSON.
	 */
	INVALID_RESPONSE,

	/** No answer arrived: the connection failed, timed out or was reset. */
	TRANSPORT,

	/**
	 * The call failed inside the application before any byte of it was sent (an
	 * interceptor, the HTTP client's set-up); nothing reached Juhe.
	 */
	LOCAL_FAILURE,

	/** The request was refused before any HTTP call because an input breaks a rule. */
	INVALID_REQUEST,

	/** The starter's per-number send limit refused the send before any HTTP call. */
	SEND_LIMIT,

	/**
	 * A spend cap of the starter's (billed units of a product and account per hour, day
	 * or month) refused the send before any HTTP call.
	 */
	SPEND_CAP,

	/**
	 * A send with the same idempotency key was made before and its outcome is unknown or
	 * still pending.
	 */
	DUPLICATE,

	/**
	 * The idempotency key was used before for a different request (other numbers,
	 * template or variables); nothing was sent.
	 */
	IDEMPOTENCY_KEY_REUSED,

	/**
	 * The store of limits, idempotency keys or verification codes (Redis) could not be
	 * reached; nothing was sent.
	 */
	STORE_UNAVAILABLE,

	/**
	 * An asynchronous send was refused before it was queued, as the product's maximum of
	 * sends in flight was reached; nothing was sent.
	 */
	IN_FLIGHT_LIMIT

}

package io.github.juhesms.call;

/**
 * Juhe's answer: {@code {"reason": ..., "result": ..., "error_code": ...}}.
 *
 * @param errorCode the error code, 0 for success
 * @param reason Juhe's explanation, empty when absent
 * @param result the result, which may be an object, an array or JSON null
 */
record JuheEnvelope(int errorCode, String reason, JuheResult result) {

	/**
	 * Whether Juhe accepted the request.
	 * @return {@code true} when {@code error_code} is 0
	 */
	public boolean isSuccess() {
		return this.errorCode == 0;
	}

}

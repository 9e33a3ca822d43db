package io.github.juhesms.call;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Turns a raw HTTP answer into a {@link JuheEnvelope}, whatever its Content-Type says
 * (Juhe sends JSON as text/html or text/plain at times). Anything that is not an envelope
 * becomes a {@link JuheSmsInvalidResponseException} carrying the status and a short
 * excerpt of the body.
 */
final class JuheResponseParser {

	static final int EXCERPT_LENGTH = 200;

	// Our own mapper, so an application's Jackson customizations cannot change how Juhe
	// is read.
	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private JuheResponseParser() {
	}

	/**
	 * Parse an answer of Juhe.
	 * @param operation the operation the answer belongs to
	 * @param status the HTTP status code
	 * @param body the body
	 * @return the envelope
	 * @throws JuheSmsInvalidResponseException if the answer is not an envelope
	 */
	static JuheEnvelope parse(JuheOperation operation, int status, byte[] body) {
		if (status < 200 || status > 299) {
			throw invalid(operation, status, body, "HTTP status " + status + " instead of 2xx", status >= 500, null);
		}
		String text = new String(body, StandardCharsets.UTF_8).strip();
		if (text.isEmpty()) {
			throw invalid(operation, status, body, "empty body instead of a JSON envelope", true, null);
		}
		if (text.startsWith("<")) {
			throw invalid(operation, status, body, "HTML or XML page instead of a JSON envelope", true, null);
		}
		JsonNode root;
		try {
			root = MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			throw invalid(operation, status, body, "malformed JSON: " + ex.getOriginalMessage(), true, ex);
		}
		if (root.isArray() && operation.bareArrayResult()) {
			return new JuheEnvelope(0, "", new JuheResult(operation, status, body, root, "result"));
		}
		if (!root.isObject()) {
			throw invalid(operation, status, body, "a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT)
					+ " instead of the JSON object envelope", false, null);
		}
		JuheResult envelope = new JuheResult(operation, status, body, root, "");
		int errorCode = envelope.requiredInt("error_code");
		String reason = envelope.optionalText("reason");
		JsonNode result = root.path("result");
		return new JuheEnvelope(errorCode, (reason != null) ? reason : "",
				new JuheResult(operation, status, body, result.isMissingNode() ? nullNode() : result, "result"));
	}

	/**
	 * Read back a {@code result} stored as JSON text.
	 * @param operation the operation the result belongs to
	 * @param json the JSON text of {@link JuheResult#toJson()}
	 * @return the result
	 */
	static JuheResult result(JuheOperation operation, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return new JuheResult(operation, 200, body, MAPPER.readTree(body), "result");
	}

	private static JsonNode nullNode() {
		return JsonNodeFactory.instance.nullNode();
	}

	static JuheSmsInvalidResponseException invalid(JuheOperation operation, int status, byte[] body, String problem,
			boolean transientFailure, @Nullable Throwable cause) {
		return new JuheSmsInvalidResponseException(operation, status, excerpt(body), problem, transientFailure, cause);
	}

	static String excerpt(byte[] body) {
		String text = new String(body, 0, Math.min(body.length, EXCERPT_LENGTH * 4), StandardCharsets.UTF_8).strip()
			.replaceAll("\\s+", " ");
		String cut = (text.length() > EXCERPT_LENGTH) ? text.substring(0, EXCERPT_LENGTH) + "…" : text;
		return Masking.digitRuns(cut);
	}

}

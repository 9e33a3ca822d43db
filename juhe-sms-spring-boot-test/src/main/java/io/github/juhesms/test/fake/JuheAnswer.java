package io.github.juhesms.test.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the fake writes back: a status, a Content-Type and a body.
 *
 * @param status the HTTP status
 * @param contentType the Content-Type header
 * @param body the body
 */
record JuheAnswer(int status, String contentType, byte[] body) {

	private static final String JSON = "application/json;charset=utf-8";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	// What a gateway in front of Juhe answers when the service behind it fails.
	private static final String BAD_GATEWAY_PAGE = """
			<html>
			<head><title>502 Bad Gateway</title></head>
			<body>
			<center><h1>502 Bad Gateway</h1></center>
			<hr><center>nginx</center>
			</body>
			</html>
			""";

	/**
	 * The envelope of a success.
	 * @param reason the {@code reason}, as the document's example for the endpoint has it
	 * @param result the {@code result}, written as JSON
	 * @return the answer
	 */
	static JuheAnswer success(String reason, @Nullable Object result) {
		return envelope(reason, result, 0);
	}

	/**
	 * The envelope of a refused request: {@code result} is {@code null}.
	 * @param code the {@code error_code}
	 * @param reason the {@code reason}
	 * @return the answer
	 */
	static JuheAnswer error(int code, String reason) {
		return envelope(reason, null, code);
	}

	/**
	 * A JSON text sent as it is, such as the bare array of {@code areaCode}.
	 * @param json the text
	 * @return the answer
	 */
	static JuheAnswer json(String json) {
		return new JuheAnswer(200, JSON, json.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An nginx "502 Bad Gateway" HTML page.
	 * @return the answer
	 */
	static JuheAnswer badGatewayPage() {
		return new JuheAnswer(502, "text/html", BAD_GATEWAY_PAGE.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A 404 for a path no document has.
	 * @param path the path asked for
	 * @return the answer
	 */
	static JuheAnswer notFound(String path) {
		String page = "<html><body><h1>404 Not Found</h1><p>The fake Juhe server has no endpoint " + path
				+ "</p></body></html>";
		return new JuheAnswer(404, "text/html;charset=utf-8", page.getBytes(StandardCharsets.UTF_8));
	}

	private static JuheAnswer envelope(String reason, @Nullable Object result, int errorCode) {
		Map<String, @Nullable Object> envelope = new LinkedHashMap<>();
		envelope.put("reason", reason);
		envelope.put("result", result);
		envelope.put("error_code", errorCode);
		return new JuheAnswer(200, JSON, MAPPER.writeValueAsBytes(envelope));
	}

}

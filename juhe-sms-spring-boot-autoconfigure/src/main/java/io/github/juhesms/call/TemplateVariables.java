package io.github.juhesms.call;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Encodes template variables into the {@code tplValue}/{@code tpl_value} parameter the
 * Juhe documents describe: {@code #name#=value} pairs joined by {@code &}. A name or
 * value that holds one of {@code # & =} (or {@code %} or {@code +}, which a decoder would
 * otherwise misread) is percent-encoded on its own first; the form encoding of the
 * request then encodes the whole string once more. The variables are validated by
 * {@link JuheForm#addVariables} before they get here.
 */
final class TemplateVariables {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private TemplateVariables() {
	}

	/**
	 * Encode variables as {@code #name#=value&#name#=value}, in the map's iteration
	 * order.
	 * @param variables variable names (without {@code #}) to values; values may be empty
	 * @return the parameter value, before form encoding; empty for no variables
	 */
	static String encode(Map<String, String> variables) {
		StringBuilder encoded = new StringBuilder();
		variables.forEach((name, value) -> {
			if (!encoded.isEmpty()) {
				encoded.append('&');
			}
			encoded.append('#').append(escape(name)).append("#=").append(escape(value));
		});
		return encoded.toString();
	}

	/**
	 * Encode variables as the JSON object the SMS API's {@code vars} parameter takes,
	 * e.g. {@code {"code":"1234","name":"张三"}}.
	 * @param variables variable names (without {@code #}) to values
	 * @return the JSON text
	 */
	static String toJson(Map<String, String> variables) {
		return MAPPER.writeValueAsString(variables);
	}

	private static String escape(String text) {
		if (!needsEscaping(text)) {
			return text;
		}
		StringBuilder escaped = new StringBuilder(text.length() * 3);
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			if (isUnreserved(b)) {
				escaped.append((char) b);
			}
			else {
				escaped.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
			}
		}
		return escaped.toString();
	}

	private static boolean needsEscaping(String text) {
		for (int i = 0; i < text.length(); i++) {
			switch (text.charAt(i)) {
				case '#', '&', '=', '%', '+' -> {
					return true;
				}
				default -> {
				}
			}
		}
		return false;
	}

	// RFC 3986 unreserved characters; a space becomes %20, which both urldecode and
	// rawurldecode read back.
	private static boolean isUnreserved(byte b) {
		return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_'
				|| b == '.' || b == '~';
	}

}

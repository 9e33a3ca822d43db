package io.github.juhesms.call;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The form body is the bytes {@link URLEncoder} gives in UTF-8, key first, whatever the
 * values hold: Chinese text, JSON, spaces and emoji; a surrogate without its pair, which
 * URLEncoder writes as {@code ?} on Java 17 and sometimes drops on Java 25, is always
 * {@code ?} ({@code %3F}).
 */
class JuheFormTests {

	@Test
	void encodesAsUrlEncoderDoes() {
		JuheForm form = new JuheForm().add("mobile", "13800138000")
			.add("tpl_id", 12)
			.add("vars", "{\"code\":\"123456\",\"name\":\"张三\"}")
			.add("content", "a b+c&d=e%f*g.h-i_j~k😀\uD800x\uDC00");
		assertThat(new String(form.encode("k3y/+="), StandardCharsets.US_ASCII))
			.isEqualTo("key=k3y%2F%2B%3D&mobile=13800138000&tpl_id=12"
					+ "&vars=%7B%22code%22%3A%22123456%22%2C%22name%22%3A%22%E5%BC%A0%E4%B8%89%22%7D"
					+ "&content=a+b%2Bc%26d%3De%25f*g.h-i_j%7Ek%F0%9F%98%80%3Fx%3F");
	}

	@Test
	void aSurrogateWithoutItsPairIsAQuestionMark() {
		JuheForm form = new JuheForm().add("a", "\uD8E6\u000C").add("b", "Д\uD800张").add("c", "\uDC00\uD800");
		assertThat(new String(form.encode("k"), StandardCharsets.US_ASCII))
			.isEqualTo("key=k&a=%3F%0C&b=%D0%94%3F%E5%BC%A0&c=%3F%3F");
	}

	@Test
	void randomTextEncodesAsUrlEncoderDoes() {
		Random random = new Random(18);
		// ASCII, control characters, Latin, CJK, the private use area and more; pairs of
		// surrogates below.
		char[][] ranges = { { 0x20, 0x7E }, { 0x00, 0x1F }, { 0x80, 0x7FF }, { 0x4E00, 0x9FFF }, { 0xE000, 0xFFFF } };
		for (int n = 0; n < 5_000; n++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(40);
			for (int i = 0; i < length; i++) {
				if (random.nextInt(8) == 0) {
					text.appendCodePoint(0x10000 + random.nextInt(0x100000));
					continue;
				}
				char[] range = ranges[random.nextInt(ranges.length)];
				text.append((char) (range[0] + random.nextInt(range[1] - range[0] + 1)));
			}
			String value = text.toString();
			String expected = "key=k&v=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
			assertThat(new String(new JuheForm().add("v", value).encode("k"), StandardCharsets.US_ASCII))
				.as("encoding of %s", value.codePoints().mapToObj(Integer::toHexString).toList())
				.isEqualTo(expected);
		}
	}

}

package io.github.juhesms.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JSON examples of the vendor's documents in {@code docs/juhe}, so tests answer with
 * exactly what the documents show.
 */
public final class JuheDocumentExamples {

	private static final String MARKER = "JSON返回示例";

	private JuheDocumentExamples() {
	}

	/**
	 * The n-th JSON example of a document: the balanced object or array after the n-th
	 * "JSON返回示例" heading, with the page-break blank lines it contains.
	 * @param document the file name in docs/juhe, e.g. {@code international.txt}
	 * @param index the example's position, from 0
	 * @return the example's text
	 */
	public static String example(String document, int index) {
		String text = read(document);
		int at = -1;
		for (int i = 0; i <= index; i++) {
			at = text.indexOf(MARKER, at + 1);
			if (at < 0) {
				throw new IllegalArgumentException(document + " has no example " + index);
			}
		}
		int start = at;
		while (text.charAt(start) != '{' && text.charAt(start) != '[') {
			start++;
		}
		return text.substring(start, balancedEnd(text, start));
	}

	private static int balancedEnd(String text, int start) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if ((c == '}' || c == ']') && --depth == 0) {
				return i + 1;
			}
		}
		throw new IllegalStateException("unbalanced example at " + start);
	}

	private static String read(String document) {
		try {
			return Files.readString(Path.of("../docs/juhe", document), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.github.juhesms.call;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient, typed access to one node of Juhe's answer. The documents' tables and examples
 * disagree on types ({@code fee}, {@code areanum}, {@code sid}), so numbers sent as
 * strings and strings sent as numbers are both accepted. A missing required field or a
 * value of an unusable type becomes a {@link JuheSmsInvalidResponseException} naming the
 * field, never a {@code NullPointerException}.
 */
public final class JuheResult {

	private final JuheOperation operation;

	private final int status;

	private final byte[] body;

	private final JsonNode node;

	private final String path;

	JuheResult(JuheOperation operation, int status, byte[] body, JsonNode node, String path) {
		this.operation = operation;
		this.status = status;
		this.body = body;
		this.node = node;
		this.path = path;
	}

	/**
	 * This node as JSON text, to be stored and read back with
	 * {@link JuheResponseParser#result}.
	 * @return the JSON
	 */
	String toJson() {
		return this.node.toString();
	}

	/**
	 * Whether this node is absent or JSON {@code null}.
	 * @return {@code true} for no value
	 */
	public boolean isNull() {
		return this.node.isNull() || this.node.isMissingNode();
	}

	/**
	 * Whether this node is a JSON array.
	 * @return {@code true} for an array
	 */
	public boolean isArray() {
		return this.node.isArray();
	}

	/**
	 * This node, which must be a JSON object.
	 * @return this node
	 */
	public JuheResult asObject() {
		if (!this.node.isObject()) {
			throw invalid("expected a JSON object but got " + describe());
		}
		return this;
	}

	/**
	 * A required child object.
	 * @param field the field name
	 * @return the child
	 */
	public JuheResult object(String field) {
		return child(field).asObject();
	}

	/**
	 * A child that may be absent.
	 * @param field the field name
	 * @return the child, possibly {@link #isNull() null}
	 */
	public JuheResult child(String field) {
		return new JuheResult(this.operation, this.status, this.body, this.node.path(field), qualify(field));
	}

	/**
	 * The names of this object's fields, in order.
	 * @return the field names, empty when this is not an object
	 */
	public List<String> fieldNames() {
		if (!this.node.isObject()) {
			return List.of();
		}
		List<String> names = new ArrayList<>();
		this.node.properties().forEach((entry) -> names.add(entry.getKey()));
		return names;
	}

	/**
	 * A required text field; a number is accepted and turned into text.
	 * @param field the field name
	 * @return the text
	 */
	public String requiredText(String field) {
		String value = optionalText(field);
		if (value == null) {
			throw child(field).invalid("required field is missing");
		}
		return value;
	}

	/**
	 * A text field that may be absent or null; a number is accepted and turned into text.
	 * @param field the field name
	 * @return the text or {@code null}
	 */
	public @Nullable String optionalText(String field) {
		try {
			return LenientValues.text(this.node.path(field));
		}
		catch (IllegalArgumentException ex) {
			throw child(field).invalid(ex.getMessage() + " but got " + child(field).describe());
		}
	}

	/**
	 * A required whole-number field; numeric text such as {@code "1"} is accepted.
	 * @param field the field name
	 * @return the value
	 */
	public int requiredInt(String field) {
		return Math.toIntExact(requiredLong(field));
	}

	/**
	 * A whole-number field that may be absent or null; numeric text is accepted.
	 * @param field the field name
	 * @return the value or {@code null}
	 */
	public @Nullable Integer optionalInt(String field) {
		Long value = optionalLong(field);
		return (value != null) ? Math.toIntExact(value) : null;
	}

	/**
	 * A required whole-number field; numeric text is accepted.
	 * @param field the field name
	 * @return the value
	 */
	public long requiredLong(String field) {
		Long value = optionalLong(field);
		if (value == null) {
			throw child(field).invalid("required field is missing");
		}
		return value;
	}

	/**
	 * A whole-number field that may be absent, null or empty text; numeric text is
	 * accepted.
	 * @param field the field name
	 * @return the value or {@code null}
	 */
	public @Nullable Long optionalLong(String field) {
		try {
			return LenientValues.wholeNumber(this.node.path(field));
		}
		catch (IllegalArgumentException ex) {
			throw child(field).invalid(ex.getMessage() + " but got " + child(field).describe());
		}
	}

	/**
	 * Map this node, which must be an array (JSON {@code null} or absent reads as empty),
	 * element by element.
	 * @param <T> the element type
	 * @param mapper maps one element
	 * @return the mapped elements
	 */
	public <T> List<T> list(Function<JuheResult, T> mapper) {
		if (isNull()) {
			return List.of();
		}
		if (!this.node.isArray()) {
			throw invalid("expected a JSON array but got " + describe());
		}
		List<T> elements = new ArrayList<>(this.node.size());
		for (int i = 0; i < this.node.size(); i++) {
			JsonNode element = this.node.get(i);
			elements.add(mapper
				.apply(new JuheResult(this.operation, this.status, this.body, element, this.path + "[" + i + "]")));
		}
		return Collections.unmodifiableList(elements);
	}

	/**
	 * Map an array field (absent or null reads as empty), element by element.
	 * @param <T> the element type
	 * @param field the field name
	 * @param mapper maps one element
	 * @return the mapped elements
	 */
	public <T> List<T> list(String field, Function<JuheResult, T> mapper) {
		return child(field).list(mapper);
	}

	/**
	 * This node as text, for array elements that are plain values.
	 * @return the text
	 */
	public String asText() {
		if (this.node.isString() || this.node.isNumber()) {
			return this.node.asString();
		}
		throw invalid("expected text but got " + describe());
	}

	/**
	 * An exception saying this node of the answer is unusable.
	 * @param problem what is wrong
	 * @return the exception to throw
	 */
	public JuheSmsInvalidResponseException invalid(String problem) {
		String where = this.path.isEmpty() ? "envelope" : "'" + this.path + "'";
		return JuheResponseParser.invalid(this.operation, this.status, this.body, where + ": " + problem, false, null);
	}

	private String describe() {
		if (this.node.isMissingNode()) {
			return "nothing";
		}
		String type = this.node.getNodeType().name().toLowerCase(Locale.ROOT);
		String text = this.node.toString();
		return type + " " + ((text.length() > 40) ? text.substring(0, 40) + "…" : text);
	}

	private String qualify(String field) {
		return this.path.isEmpty() ? field : this.path + "." + field;
	}

}

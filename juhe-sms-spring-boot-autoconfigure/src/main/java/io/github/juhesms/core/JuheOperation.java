package io.github.juhesms.core;

import org.springframework.util.Assert;

/**
 * One endpoint of a Juhe product, and what a repeated call to it would do.
 *
 * @param product the product the endpoint belongs to
 * @param name the operation name as the Juhe document spells it (used in metrics and
 * logs)
 * @param path the path below {@link JuheProduct#basePath()}
 * @param kind whether the call sends (billed), creates, reads or deletes
 * @param bareArrayResult whether Juhe may answer with a bare JSON array instead of the
 * envelope
 */
public record JuheOperation(JuheProduct product, String name, String path, Kind kind, boolean bareArrayResult) {

	/**
	 * Create an operation with a non-empty name and a path starting with {@code /}.
	 * @param product the product the endpoint belongs to
	 * @param name the operation name as the Juhe document spells it
	 * @param path the path below the product's base path
	 * @param kind whether the call sends, creates, reads or deletes
	 * @param bareArrayResult whether Juhe may answer with a bare JSON array
	 */
	public JuheOperation {
		Assert.hasText(name, "name must not be empty");
		Assert.isTrue(path.startsWith("/"), "path must start with '/'");
	}

	/**
	 * A billed, non-idempotent send.
	 * @param product the product
	 * @param name the operation name
	 * @param path the path below the product's base path
	 * @return the operation
	 */
	public static JuheOperation send(JuheProduct product, String name, String path) {
		return new JuheOperation(product, name, path, Kind.SEND, false);
	}

	/**
	 * A call that creates something at Juhe (a template), so a lost answer leaves its
	 * outcome unknown.
	 * @param product the product
	 * @param name the operation name
	 * @param path the path below the product's base path
	 * @return the operation
	 */
	public static JuheOperation create(JuheProduct product, String name, String path) {
		return new JuheOperation(product, name, path, Kind.CREATE, false);
	}

	/**
	 * A read-only call, safe to repeat.
	 * @param product the product
	 * @param name the operation name
	 * @param path the path below the product's base path
	 * @return the operation
	 */
	public static JuheOperation query(JuheProduct product, String name, String path) {
		return new JuheOperation(product, name, path, Kind.QUERY, false);
	}

	/**
	 * A delete, safe to repeat.
	 * @param product the product
	 * @param name the operation name
	 * @param path the path below the product's base path
	 * @return the operation
	 */
	public static JuheOperation delete(JuheProduct product, String name, String path) {
		return new JuheOperation(product, name, path, Kind.DELETE, false);
	}

	/**
	 * This operation, also accepting a bare JSON array as its answer.
	 * @return a copy that accepts a bare array result
	 */
	public JuheOperation acceptingBareArray() {
		return new JuheOperation(this.product, this.name, this.path, this.kind, true);
	}

	/**
	 * Path below the host: the product's base path followed by this operation's path.
	 * @return the full path, e.g. {@code /smsInternational/send}
	 */
	public String fullPath() {
		return this.product.basePath() + this.path;
	}

	/**
	 * Whether calling twice has the same effect as calling once, so a lost answer may be
	 * retried.
	 * @return {@code true} for queries and deletes
	 */
	public boolean isIdempotent() {
		return this.kind == Kind.QUERY || this.kind == Kind.DELETE;
	}

	@Override
	public String toString() {
		return this.product.id() + "." + this.name;
	}

	/**
	 * What a call does at Juhe.
	 */
	public enum Kind {

		/** Sends a message: billed and not idempotent. */
		SEND,

		/** Creates a template: not idempotent. */
		CREATE,

		/** Reads: idempotent. */
		QUERY,

		/** Deletes: idempotent. */
		DELETE

	}

}

package io.github.juhesms.core;

import org.jspecify.annotations.Nullable;

/**
 * What every product's send result tells: the message id and, where Juhe reports it, the
 * billed units.
 */
public interface SendReceipt {

	/**
	 * The message id Juhe assigned.
	 * @return the sid
	 */
	String sid();

	/**
	 * Billed units Juhe reported, or {@code null} when the product's answer carries no
	 * fee.
	 * @return the fee or {@code null}
	 */
	@Nullable Integer fee();

}

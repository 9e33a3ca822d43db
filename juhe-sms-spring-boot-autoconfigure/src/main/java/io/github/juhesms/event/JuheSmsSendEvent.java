package io.github.juhesms.event;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * Published once for every send whose request reached the starter's HTTP core, when its
 * outcome is known: {@link JuheSmsSentEvent}, {@link JuheSmsRejectedEvent} or
 * {@link JuheSmsOutcomeUnknownEvent}. Listen with {@code @EventListener} for an audit
 * log. Phone numbers are masked; the key is never part of an event.
 */
public sealed interface JuheSmsSendEvent permits JuheSmsSentEvent, JuheSmsRejectedEvent, JuheSmsOutcomeUnknownEvent {

	/**
	 * The product that sent.
	 * @return the product
	 */
	JuheProduct product();

	/**
	 * The account that sent: its name, never its key.
	 * @return the account's name, {@code default} for today's keys
	 */
	String account();

	/**
	 * The operation, as the Juhe document names it.
	 * @return the operation name
	 */
	String operation();

	/**
	 * The recipients, masked ({@code 138****1234}).
	 * @return the masked mobiles
	 */
	List<String> maskedMobiles();

	/**
	 * The template id, if the send used one.
	 * @return the template id or {@code null}
	 */
	@Nullable String templateId();

	/**
	 * HTTP requests made for the send, retries included.
	 * @return the attempts
	 */
	int attempts();

	/**
	 * When the send started.
	 * @return the start time
	 */
	Instant startedAt();

}

package io.github.juhesms.error;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.store.SpendCap;
import io.github.juhesms.store.SpendCapWindow;

/**
 * A spend cap of the starter's refused a send before any HTTP call: the billed units the
 * send would take do not fit in what the cap's calendar hour, day or month has left.
 * Names the cap (product, account, window, area) and when it resets. Nothing was sent or
 * billed; a Financial batch is refused whole.
 */
public class JuheSmsSpendCapException extends JuheSmsException {

	private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC+8'");

	/** The cap that refused the send. */
	private final SpendCap cap;

	/** The units the cap's period has used. */
	private final long used;

	/** The units the send asked for. */
	private final long units;

	/** When the cap's period ends and the cap starts afresh. */
	private final Instant resetsAt;

	/**
	 * Create an exception for a send a cap refused.
	 * @param operation the send operation
	 * @param cap the cap that refused it
	 * @param used the units the cap's period has used
	 * @param units the units the send asked for
	 * @param resetsAt when the cap's period ends, on the store's clock
	 */
	public JuheSmsSpendCapException(JuheOperation operation, SpendCap cap, long used, long units, Instant resetsAt) {
		super(operation, JuheSmsErrorCategory.SPEND_CAP,
				"not sent, over the " + cap + ": " + String.format("%,d", used) + " used, "
						+ String.format("%,d", units) + " more asked; resets at " + resetsAt + " ("
						+ CHINA_TIME.format(resetsAt.atZone(SpendCapWindow.CHINA)) + ")",
				null);
		this.cap = cap;
		this.used = used;
		this.units = units;
		this.resetsAt = resetsAt;
		refusedLocally();
	}

	/**
	 * The cap that refused the send: product, account, window, area and limit.
	 * @return the cap
	 */
	public SpendCap getCap() {
		return this.cap;
	}

	/**
	 * The billed units the cap's current period has used.
	 * @return the units used
	 */
	public long getUsed() {
		return this.used;
	}

	/**
	 * The billed units the send asked for (a Financial batch: those of the number that
	 * did not fit).
	 * @return the units asked for
	 */
	public long getUnits() {
		return this.units;
	}

	/**
	 * When the cap's calendar period ends and sends are allowed again, on the store's
	 * clock (the Redis server's with the Redis store).
	 * @return the reset time
	 */
	public Instant getResetsAt() {
		return this.resetsAt;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}

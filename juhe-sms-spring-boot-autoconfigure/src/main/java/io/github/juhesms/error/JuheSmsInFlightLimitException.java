package io.github.juhesms.error;

import io.github.juhesms.core.JuheOperation;

/**
 * An asynchronous send was refused at once, before it was queued, because the product
 * already had its maximum of sends in flight (queued or running). Nothing was sent,
 * checked against the limits or billed; the send may be made again once some of those in
 * flight have completed.
 */
public class JuheSmsInFlightLimitException extends JuheSmsException {

	/** The product's maximum of asynchronous sends in flight. */
	private final int maxInFlight;

	/**
	 * Create an exception for a send over the product's maximum in flight.
	 * @param operation the send operation
	 * @param maxInFlight the product's maximum of sends in flight
	 */
	public JuheSmsInFlightLimitException(JuheOperation operation, int maxInFlight) {
		super(operation, JuheSmsErrorCategory.IN_FLIGHT_LIMIT,
				"not queued, " + maxInFlight + " asynchronous sends are already in flight, the maximum (juhe.sms."
						+ operation.product().id() + ".async.max-in-flight, else juhe.sms.async.max-in-flight)",
				null);
		this.maxInFlight = maxInFlight;
		refusedLocally();
	}

	/**
	 * The product's maximum of asynchronous sends in flight, which was reached.
	 * @return the maximum
	 */
	public int getMaxInFlight() {
		return this.maxInFlight;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}

package io.github.juhesms.store;

/**
 * Billed units a send takes from a spend cap.
 *
 * @param cap the cap
 * @param units the units taken, 1 or more
 */
public record SpendCapCharge(SpendCap cap, int units) {

	/**
	 * Checks the units.
	 * @param cap the cap
	 * @param units the units taken, 1 or more
	 */
	public SpendCapCharge {
		if (units < 1) {
			throw new IllegalArgumentException("units must be at least 1, was " + units);
		}
	}

}

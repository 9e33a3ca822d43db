package io.github.juhesms.store;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * At most {@code limit} billed units of one product and account in each calendar
 * {@code window}, for one International area or for all of them.
 *
 * @param product the product
 * @param account the account's name
 * @param window the calendar period the units are counted in
 * @param areaCode the International area code the cap is for, or {@code null} for the
 * product's sends to every area
 * @param limit the most billed units in one period, 1 or more
 */
public record SpendCap(JuheProduct product, String account, SpendCapWindow window, @Nullable String areaCode,
		long limit) {

	/**
	 * Checks the limit.
	 * @param product the product
	 * @param account the account's name
	 * @param window the calendar period
	 * @param areaCode the area code, or {@code null} for all
	 * @param limit the most billed units, 1 or more
	 */
	public SpendCap {
		if (limit < 1) {
			throw new IllegalArgumentException("limit must be at least 1, was " + limit);
		}
	}

	/**
	 * The store key of the cap's counter: product, account, area and window, no number.
	 * @return the key, e.g. {@code cap:international:default:44:daily}
	 */
	public String key() {
		return "cap:" + this.product.id() + ":" + this.account + ":" + ((this.areaCode != null) ? this.areaCode : "all")
				+ ":" + this.window.tagValue();
	}

	@Override
	public String toString() {
		return this.product.id() + " account " + this.account
				+ ((this.areaCode != null) ? " area " + this.areaCode : "") + " " + this.window.tagValue() + " cap of "
				+ String.format("%,d", this.limit) + " billed units";
	}

}

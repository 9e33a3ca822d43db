package io.github.juhesms.guard;

import java.util.ArrayList;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.store.SpendCap;
import io.github.juhesms.store.SpendCapWindow;
import org.jspecify.annotations.Nullable;

/**
 * The billed units allowed per calendar hour, day and month; {@code null} for no cap in
 * that window.
 *
 * @param hourly the units per hour, or {@code null}
 * @param daily the units per day in China, or {@code null}
 * @param monthly the units per month in China, or {@code null}
 */
public record SpendCapLimits(@Nullable Long hourly, @Nullable Long daily, @Nullable Long monthly) {

	/** No cap in any window. */
	public static final SpendCapLimits NONE = new SpendCapLimits(null, null, null);

	/**
	 * These limits with each window another sets replaced by its.
	 * @param other the limits that win where they are set
	 * @return the combined limits
	 */
	public SpendCapLimits overriddenBy(SpendCapLimits other) {
		return new SpendCapLimits((other.hourly != null) ? other.hourly : this.hourly,
				(other.daily != null) ? other.daily : this.daily,
				(other.monthly != null) ? other.monthly : this.monthly);
	}

	/**
	 * The caps these limits set.
	 * @param product the product capped
	 * @param account the account capped
	 * @param areaCode the International area capped, or {@code null} for all
	 * @return the caps, hourly first, none for unset windows
	 */
	public List<SpendCap> caps(JuheProduct product, String account, @Nullable String areaCode) {
		List<SpendCap> caps = new ArrayList<>(3);
		add(caps, product, account, areaCode, SpendCapWindow.HOURLY, this.hourly);
		add(caps, product, account, areaCode, SpendCapWindow.DAILY, this.daily);
		add(caps, product, account, areaCode, SpendCapWindow.MONTHLY, this.monthly);
		return caps;
	}

	private static void add(List<SpendCap> caps, JuheProduct product, String account, @Nullable String areaCode,
			SpendCapWindow window, @Nullable Long limit) {
		if (limit != null) {
			caps.add(new SpendCap(product, account, window, areaCode, limit));
		}
	}

}

package io.github.juhesms.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.store.SpendCap;
import org.jspecify.annotations.Nullable;

/**
 * Which spend caps a send takes billed units from: its product's caps, with the account's
 * own where it sets them, each counted for the account alone (each account is billed on
 * its own); and for International SMS also the caps of the send's area. The caps of one
 * product, account and area are worked out once.
 */
public final class SpendCaps {

	/** No caps at all. */
	public static final SpendCaps NONE = new SpendCaps(Map.of(), Map.of(), Map.of());

	private final Map<JuheProduct, SpendCapLimits> products;

	private final Map<String, SpendCapLimits> areas;

	private final Map<String, Map<JuheProduct, SpendCapLimits>> accounts;

	private final Map<String, List<SpendCap>> resolved = new ConcurrentHashMap<>();

	/**
	 * Create the caps.
	 * @param products each product's caps, for every account
	 * @param areas International SMS caps by area code, for every account
	 * @param accounts an account's own caps by product, replacing the product's window by
	 * window
	 */
	public SpendCaps(Map<JuheProduct, SpendCapLimits> products, Map<String, SpendCapLimits> areas,
			Map<String, Map<JuheProduct, SpendCapLimits>> accounts) {
		this.products = Map.copyOf(products);
		this.areas = Map.copyOf(areas);
		this.accounts = Map.copyOf(accounts);
	}

	/**
	 * Whether no product, area or account has a cap.
	 * @return {@code true} without caps
	 */
	public boolean isEmpty() {
		return this.products.isEmpty() && this.areas.isEmpty() && this.accounts.isEmpty();
	}

	/**
	 * The caps a send takes units from.
	 * @param product the sending product
	 * @param account the sending account
	 * @param areaCode the International area sent to, or {@code null}
	 * @return the caps, product-wide first, then the area's
	 */
	public List<SpendCap> of(JuheProduct product, String account, @Nullable String areaCode) {
		String key = product.id() + ":" + account + ":" + areaCode;
		List<SpendCap> caps = this.resolved.get(key);
		if (caps == null) {
			caps = this.resolved.computeIfAbsent(key, (ignored) -> resolve(product, account, areaCode));
		}
		return caps;
	}

	private List<SpendCap> resolve(JuheProduct product, String account, @Nullable String areaCode) {
		SpendCapLimits limits = this.products.getOrDefault(product, SpendCapLimits.NONE);
		Map<JuheProduct, SpendCapLimits> own = this.accounts.get(account);
		if (own != null && own.containsKey(product)) {
			limits = limits.overriddenBy(own.get(product));
		}
		List<SpendCap> caps = new ArrayList<>(limits.caps(product, account, null));
		SpendCapLimits area = (product == JuheProduct.INTERNATIONAL && areaCode != null) ? this.areas.get(areaCode)
				: null;
		if (area != null) {
			caps.addAll(area.caps(product, account, areaCode));
		}
		return List.copyOf(caps);
	}

	@Override
	public String toString() {
		return "SpendCaps[products=" + this.products + ", areas=" + this.areas + ", accounts=" + this.accounts + "]";
	}

}

package io.github.juhesms.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.call.CoolDown;
import io.github.juhesms.call.JuheProductApi;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the Juhe products in use, from what the starter already knows and without a
 * call to Juhe (which would be billed or rate-limited): DOWN while the default account of
 * any product is in its fail-fast cool-down after an answer such as a banned or expired
 * key or maintenance, with the product, Juhe's code and reason and when calls resume; UP
 * otherwise. A named account's cool-down is shown under the product's {@code accounts}
 * but leaves the status UP: one customer's banned key is not the application's outage.
 * Never holds a key.
 */
public class JuheSmsHealthIndicator implements HealthIndicator {

	private final Supplier<? extends Iterable<JuheProductApi>> apis;

	/**
	 * Create an indicator.
	 * @param apis supplies the product APIs to report on, read on every check
	 */
	public JuheSmsHealthIndicator(Supplier<? extends Iterable<JuheProductApi>> apis) {
		this.apis = apis;
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		for (JuheProductApi api : this.apis.get()) {
			Map<String, CoolDown> coolDowns = new LinkedHashMap<>(api.coolDowns());
			CoolDown own = coolDowns.remove(JuheSmsAccount.DEFAULT);
			Map<String, Object> detail = (own != null) ? failingFast(own) : new LinkedHashMap<>(Map.of("status", "UP"));
			if (!coolDowns.isEmpty()) {
				Map<String, Object> accounts = new LinkedHashMap<>();
				coolDowns.forEach((account, coolDown) -> accounts.put(account, failingFast(coolDown)));
				detail.put("accounts", accounts);
			}
			if (own != null) {
				health.down();
			}
			health.withDetail(api.getProduct().id(), detail);
		}
		return health.build();
	}

	private static Map<String, Object> failingFast(CoolDown coolDown) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("status", "FAILING_FAST");
		detail.put("code", coolDown.code());
		detail.put("reason", coolDown.reason());
		detail.put("until", coolDown.until().toString());
		return detail;
	}

}

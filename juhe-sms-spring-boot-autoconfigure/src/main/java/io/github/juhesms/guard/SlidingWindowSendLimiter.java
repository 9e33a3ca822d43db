package io.github.juhesms.guard;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.StoreDigest;
import org.jspecify.annotations.Nullable;

/**
 * Limits sends per product, account and number (and template, if configured) with sliding
 * windows, by default the carriers' rules for one number: 1 a minute, 3 in 10 minutes, 4
 * an hour, 20 a day; a product may add rules of its own (Video SMS: 1 a day, 3 a week).
 * <p>
 * Why sliding windows and not a token bucket such as Bucket4j: a bucket refills
 * gradually, so after three sends it would allow a fourth within ten minutes, which the
 * carriers' "3 in 10 minutes" forbids. A log of send times per number answers the rules
 * exactly, and each store checks and records a send in one atomic step (a cache
 * {@code compute} in memory, a Lua script in Redis), which is as atomic as Bucket4j's
 * compare-and-swap. A product's own rules join the shared ones in that one step: its
 * numbers' keys are its own (they start with the product), so the store sees one list of
 * rules per key.
 */
public class SlidingWindowSendLimiter implements SendLimiter {

	private static final String SHARED_RULES = "juhe.sms.limits.rules";

	private final SendLimitStore store;

	private final List<SendLimitRule> rules;

	// Each product's own rules, and the shared rules followed by them.
	private final Map<JuheProduct, List<SendLimitRule>> ownRules = new EnumMap<>(JuheProduct.class);

	private final Map<JuheProduct, List<SendLimitRule>> allRules = new EnumMap<>(JuheProduct.class);

	private final boolean perTemplate;

	private final StoreDigest digest;

	private final boolean perAccount;

	/**
	 * Create a limiter of the same rules for every product.
	 * @param store where sends are counted
	 * @param rules the rules every number must stay within
	 * @param perTemplate whether each template of a number is limited on its own (else
	 * all templates together)
	 * @param digest the keyed digest that stands for each number in the store
	 */
	public SlidingWindowSendLimiter(SendLimitStore store, List<SendLimitRule> rules, boolean perTemplate,
			StoreDigest digest) {
		this(store, rules, Map.of(), perTemplate, digest, true);
	}

	/**
	 * Create a limiter.
	 * @param store where sends are counted
	 * @param rules the rules every number must stay within, whatever the product
	 * @param productRules each product's own rules, kept besides the shared ones
	 * ({@code juhe.sms.<product>.limits.rules})
	 * @param perTemplate whether each template of a number is limited on its own (else
	 * all templates together)
	 * @param digest the keyed digest that stands for each number in the store
	 * @param perAccount whether each account's sends to a number are limited on their own
	 * (the carriers limit a number per signature, and accounts usually sign differently),
	 * else all accounts' together
	 */
	public SlidingWindowSendLimiter(SendLimitStore store, List<SendLimitRule> rules,
			Map<JuheProduct, List<SendLimitRule>> productRules, boolean perTemplate, StoreDigest digest,
			boolean perAccount) {
		this.store = store;
		this.rules = List.copyOf(rules);
		for (Map.Entry<JuheProduct, List<SendLimitRule>> own : productRules.entrySet()) {
			List<SendLimitRule> all = new ArrayList<>(this.rules);
			all.addAll(own.getValue());
			this.ownRules.put(own.getKey(), List.copyOf(own.getValue()));
			this.allRules.put(own.getKey(), List.copyOf(all));
		}
		this.perTemplate = perTemplate;
		this.digest = digest;
		this.perAccount = perAccount;
	}

	@Override
	public SendAdmission admit(JuheProduct product, String account, List<String> mobiles, @Nullable String templateId) {
		List<SendLimitRule> rules = this.allRules.getOrDefault(product, this.rules);
		List<String> admitted = new ArrayList<>();
		List<SendLimitRefusal> refused = new ArrayList<>();
		List<SendAdmission.Permit> permits = new ArrayList<>();
		for (String mobile : mobiles) {
			String key = key(product, account, mobile, templateId);
			String permitId = UUID.randomUUID().toString();
			SendLimitStore.Refusal refusal = this.store.tryAcquire(key, permitId, rules);
			if (refusal == null) {
				admitted.add(mobile);
				permits.add(new SendAdmission.Permit(key, permitId));
			}
			else {
				refused.add(new SendLimitRefusal(mobile, refusal.rule(), refusal.retryAt(),
						source(product, refusal.rule())));
			}
		}
		return new SendAdmission(admitted, refused, permits);
	}

	// A rule both lists hold is named by the product's, the more specific.
	private String source(JuheProduct product, SendLimitRule rule) {
		List<SendLimitRule> own = this.ownRules.get(product);
		return (own != null && own.contains(rule)) ? "juhe.sms." + product.id() + ".limits.rules" : SHARED_RULES;
	}

	@Override
	public void release(SendAdmission admission) {
		admission.permits().forEach((permit) -> this.store.release(permit.key(), permit.id()));
	}

	// Keys hold a keyed digest of the number, not the number: a store (Redis) need not
	// hold phone numbers, and its reader cannot try every number without the secret.
	// The default account's keys are as they were before accounts existed.
	private String key(JuheProduct product, String account, String mobile, @Nullable String templateId) {
		String scope = (this.perAccount && !JuheSmsAccount.DEFAULT.equals(account)) ? account + ":" : "";
		String key = product.id() + ":" + scope + this.digest.name(mobile);
		return (this.perTemplate && templateId != null) ? key + ":" + templateId : key;
	}

}

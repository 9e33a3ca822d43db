package io.github.juhesms.guard;

import java.util.ArrayList;
import java.util.List;
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
 * an hour, 20 a day.
 * <p>
 * Why sliding windows and not a token bucket such as Bucket4j: a bucket refills
 * gradually, so after three sends it would allow a fourth within ten minutes, which the
 * carriers' "3 in 10 minutes" forbids. A log of send times per number answers the rules
 * exactly, and each store checks and records a send in one atomic step (a cache
 * {@code compute} in memory, a Lua script in Redis), which is as atomic as Bucket4j's
 * compare-and-swap.
 */
public class SlidingWindowSendLimiter implements SendLimiter {

	private final SendLimitStore store;

	private final List<SendLimitRule> rules;

	private final boolean perTemplate;

	private final StoreDigest digest;

	private final boolean perAccount;

	/**
	 * Create a limiter.
	 * @param store where sends are counted
	 * @param rules the rules every number must stay within
	 * @param perTemplate whether each template of a number is limited on its own (else
	 * all templates together)
	 * @param digest the keyed digest that stands for each number in the store
	 */
	public SlidingWindowSendLimiter(SendLimitStore store, List<SendLimitRule> rules, boolean perTemplate,
			StoreDigest digest) {
		this(store, rules, perTemplate, digest, true);
	}

	/**
	 * Create a limiter.
	 * @param store where sends are counted
	 * @param rules the rules every number must stay within
	 * @param perTemplate whether each template of a number is limited on its own (else
	 * all templates together)
	 * @param digest the keyed digest that stands for each number in the store
	 * @param perAccount whether each account's sends to a number are limited on their own
	 * (the carriers limit a number per signature, and accounts usually sign differently),
	 * else all accounts' together
	 */
	public SlidingWindowSendLimiter(SendLimitStore store, List<SendLimitRule> rules, boolean perTemplate,
			StoreDigest digest, boolean perAccount) {
		this.store = store;
		this.rules = List.copyOf(rules);
		this.perTemplate = perTemplate;
		this.digest = digest;
		this.perAccount = perAccount;
	}

	@Override
	public SendAdmission admit(JuheProduct product, String account, List<String> mobiles, @Nullable String templateId) {
		List<String> admitted = new ArrayList<>();
		List<SendLimitRefusal> refused = new ArrayList<>();
		List<SendAdmission.Permit> permits = new ArrayList<>();
		for (String mobile : mobiles) {
			String key = key(product, account, mobile, templateId);
			String permitId = UUID.randomUUID().toString();
			SendLimitStore.Refusal refusal = this.store.tryAcquire(key, permitId, this.rules);
			if (refusal == null) {
				admitted.add(mobile);
				permits.add(new SendAdmission.Permit(key, permitId));
			}
			else {
				refused.add(new SendLimitRefusal(mobile, refusal.rule(), refusal.retryAt()));
			}
		}
		return new SendAdmission(admitted, refused, permits);
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

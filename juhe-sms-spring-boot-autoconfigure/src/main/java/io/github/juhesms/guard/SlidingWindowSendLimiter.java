package io.github.juhesms.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsSpendCapException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException.Store;
import io.github.juhesms.store.ClaimingSendLimitStore;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.SpendCap;
import io.github.juhesms.store.SpendCapCharge;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.store.StoredSend;
import org.jspecify.annotations.Nullable;

/**
 * Limits sends per product, account and number (and template, if configured) with sliding
 * windows, by default the carriers' rules for one number: 1 a minute, 3 in 10 minutes, 4
 * an hour, 20 a day; a product may add rules of its own (Video SMS: 1 a day, 3 a week);
 * and the billed units of each product and account by its spend caps, checked with the
 * number's rules in the same store call. A send's numbers go to the store together
 * ({@link SendLimitStore#acquireAll}: one Redis round trip per chunk of 1,000), and a
 * send with an idempotency key claims it in that same call when the store keeps the
 * idempotency keys too ({@link ClaimingSendLimitStore}).
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

	private final SpendCaps caps;

	private final SpendCapMonitor monitor;

	/**
	 * Create a limiter of the same rules for every product, without spend caps.
	 * @param store where sends are counted
	 * @param rules the rules every number must stay within
	 * @param perTemplate whether each template of a number is limited on its own (else
	 * all templates together)
	 * @param digest the keyed digest that stands for each number in the store
	 */
	public SlidingWindowSendLimiter(SendLimitStore store, List<SendLimitRule> rules, boolean perTemplate,
			StoreDigest digest) {
		this(store, rules, Map.of(), perTemplate, digest, true, SpendCaps.NONE, SpendCapMonitor.NONE);
	}

	/**
	 * Create a limiter.
	 * @param store where sends and billed units are counted
	 * @param rules the rules every number must stay within, whatever the product; empty
	 * for spend caps only
	 * @param productRules each product's own rules, kept besides the shared ones
	 * ({@code juhe.sms.<product>.limits.rules})
	 * @param perTemplate whether each template of a number is limited on its own (else
	 * all templates together)
	 * @param digest the keyed digest that stands for each number in the store
	 * @param perAccount whether each account's sends to a number are limited on their own
	 * (the carriers limit a number per signature, and accounts usually sign differently),
	 * else all accounts' together
	 * @param caps the spend caps of each product and account
	 * @param monitor told what each cap has left after each send
	 */
	public SlidingWindowSendLimiter(SendLimitStore store, List<SendLimitRule> rules,
			Map<JuheProduct, List<SendLimitRule>> productRules, boolean perTemplate, StoreDigest digest,
			boolean perAccount, SpendCaps caps, SpendCapMonitor monitor) {
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
		this.caps = caps;
		this.monitor = monitor;
	}

	@Override
	public SendAdmission admit(JuheOperation operation, String account, List<String> mobiles,
			@Nullable String templateId, int billedUnits, @Nullable String areaCode) {
		Batch batch = batch(operation, account, mobiles, templateId, billedUnits, areaCode);
		if (batch == null) {
			return SendAdmission.unlimited(mobiles);
		}
		return outcome(batch, this.store.acquireAll(batch.keys(), batch.permitIds(), batch.rules(), batch.charges()));
	}

	@Override
	public KeyedAdmission claimAndAdmit(IdempotencyStore keys, String key, StoredSend claim, Duration window,
			GuardedSend send) {
		Batch batch = batch(send.operation(), send.account(), send.mobiles(), send.templateId(), send.billedUnits(),
				send.areaCode());
		if (batch == null || !(this.store instanceof ClaimingSendLimitStore claiming) || !claiming.claimsFor(keys)) {
			return SendLimiter.super.claimAndAdmit(keys, key, claim, window, send);
		}
		ClaimingSendLimitStore.Claimed claimed = JuheSmsStoreUnavailableException.requireStore(send.operation(),
				Store.SEND_LIMITS, () -> claiming.claimAndAcquireAll(key, claim, window, batch.keys(),
						batch.permitIds(), batch.rules(), batch.charges()));
		if (claimed.first() != null) {
			return new KeyedAdmission(claimed.first(), null);
		}
		try {
			return new KeyedAdmission(null, outcome(batch, claimed.acquisitions()));
		}
		catch (RuntimeException ex) {
			// A cap refused the send: its permits are given back, and so is the key.
			try {
				keys.abandon(key);
			}
			catch (RuntimeException failure) {
				ex.addSuppressed(failure);
			}
			throw ex;
		}
	}

	// The store keys and permit ids of a send's numbers, its rules and charges; null
	// when neither rules nor caps apply.
	private @Nullable Batch batch(JuheOperation operation, String account, List<String> mobiles,
			@Nullable String templateId, int billedUnits, @Nullable String areaCode) {
		JuheProduct product = operation.product();
		List<SendLimitRule> rules = this.allRules.getOrDefault(product, this.rules);
		List<SpendCap> caps = this.caps.of(product, account, areaCode);
		if (rules.isEmpty() && caps.isEmpty()) {
			return null;
		}
		List<SpendCapCharge> charges = new ArrayList<>(caps.size());
		for (SpendCap cap : caps) {
			charges.add(new SpendCapCharge(cap, billedUnits));
		}
		List<String> keys = new ArrayList<>(mobiles.size());
		List<String> permitIds = new ArrayList<>(mobiles.size());
		// One random id per send, told apart per number by its index: unique in each key.
		String send = UUID.randomUUID().toString();
		for (int i = 0; i < mobiles.size(); i++) {
			keys.add(key(product, account, mobiles.get(i), templateId));
			permitIds.add(send + ":" + i);
		}
		return new Batch(operation, mobiles, keys, permitIds, rules, caps, charges, billedUnits);
	}

	// The admitted and refused numbers of the store's outcome per number.
	private SendAdmission outcome(Batch batch, List<SendLimitStore.Acquisition> acquisitions) {
		List<String> admitted = new ArrayList<>(acquisitions.size());
		List<SendLimitRefusal> refused = new ArrayList<>();
		List<SendAdmission.Permit> permits = new ArrayList<>(acquisitions.size());
		for (int i = 0; i < acquisitions.size(); i++) {
			SendLimitStore.Acquisition acquisition = acquisitions.get(i);
			observe(batch.caps(), acquisition);
			SendLimitStore.CapRefusal capRefusal = acquisition.capRefusal();
			if (capRefusal != null) {
				// A batch is one message to a list: sending to the numbers that happen to
				// come first would make the cap choose the recipients.
				release(new SendAdmission(admitted, refused, permits));
				throw new JuheSmsSpendCapException(batch.operation(), batch.caps().get(capRefusal.index()),
						capRefusal.used(), batch.billedUnits(), capRefusal.resetsAt());
			}
			SendLimitStore.Refusal refusal = acquisition.refusal();
			String mobile = batch.mobiles().get(i);
			if (refusal == null) {
				admitted.add(mobile);
				permits.add(new SendAdmission.Permit(batch.keys().get(i), batch.permitIds().get(i),
						spent(batch.charges(), acquisition)));
			}
			else {
				refused.add(new SendLimitRefusal(mobile, refusal.rule(), refusal.retryAt(),
						source(batch.operation().product(), refusal.rule())));
			}
		}
		return new SendAdmission(admitted, refused, permits);
	}

	// A rule both lists hold is named by the product's, the more specific.
	private String source(JuheProduct product, SendLimitRule rule) {
		List<SendLimitRule> own = this.ownRules.get(product);
		return (own != null && own.contains(rule)) ? "juhe.sms." + product.id() + ".limits.rules" : SHARED_RULES;
	}

	private void observe(List<SpendCap> caps, SendLimitStore.Acquisition acquisition) {
		List<SendLimitStore.CapBalance> balances = acquisition.balances();
		SendLimitStore.CapRefusal capRefusal = acquisition.capRefusal();
		for (int i = 0; i < balances.size(); i++) {
			SendLimitStore.CapBalance balance = balances.get(i);
			this.monitor.observed(caps.get(i), balance.periodStart(), balance.used(), balance.resetsAt(),
					capRefusal != null && capRefusal.index() == i);
		}
	}

	private static List<SendAdmission.Spent> spent(List<SpendCapCharge> charges,
			SendLimitStore.Acquisition acquisition) {
		List<SendAdmission.Spent> spent = new ArrayList<>(charges.size());
		for (int i = 0; i < charges.size(); i++) {
			SpendCapCharge charge = charges.get(i);
			spent.add(new SendAdmission.Spent(charge.cap().key(), acquisition.balances().get(i).periodStart(),
					charge.units()));
		}
		return spent;
	}

	@Override
	public void release(SendAdmission admission) {
		if (!admission.permits().isEmpty()) {
			this.store.releaseAll(admission.permits());
		}
	}

	@Override
	public String toString() {
		return "SlidingWindowSendLimiter[rules=" + this.rules + ", productRules=" + this.ownRules + ", " + this.caps
				+ "]";
	}

	// What the store is asked for one send: its numbers, their keys and permit ids, the
	// rules and the caps' charges.
	private record Batch(JuheOperation operation, List<String> mobiles, List<String> keys, List<String> permitIds,
			List<SendLimitRule> rules, List<SpendCap> caps, List<SpendCapCharge> charges, int billedUnits) {

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

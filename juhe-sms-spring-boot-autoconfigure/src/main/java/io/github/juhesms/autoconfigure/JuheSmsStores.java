package io.github.juhesms.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.guard.FailOpenIdempotencyStore;
import io.github.juhesms.guard.FailOpenSendLimiter;
import io.github.juhesms.guard.IdempotencySettings;
import io.github.juhesms.guard.SendLimiter;
import io.github.juhesms.guard.SlidingWindowSendLimiter;
import io.github.juhesms.guard.SpendCapLimits;
import io.github.juhesms.guard.SpendCapMonitor;
import io.github.juhesms.guard.SpendCaps;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.InMemoryIdempotencyStore;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.InMemoryVerificationCodeStore;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.store.VerificationCodeStore;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The store of send limits, idempotency keys or verification codes that the starter uses:
 * the application's own bean, else the Redis one ({@code juhe.sms.store=redis}), else a
 * new one in memory. The in-memory stores are not beans: three bean definitions and bean
 * searches would cost the start-up of every application for a default that is rarely
 * replaced, and a replacement still wins.
 */
final class JuheSmsStores {

	private JuheSmsStores() {
	}

	static SendLimitStore sendLimits(JuheSmsProperties properties, ObjectProvider<SendLimitStore> beans,
			List<SendLimitRule> rules) {
		SendLimitStore bean = bean(properties, beans, "send limits");
		// An idle number is dropped after the longest window of every product's rules (a
		// day without rules).
		return (bean != null) ? bean : new InMemorySendLimitStore(properties.getLimits().getMaxNumbers(),
				SendLimitRule.longestWindow(rules, Duration.ofDays(1)), Clock.systemUTC());
	}

	// One per context: every store of the application names numbers with the same
	// digest.
	static StoreDigest digest(JuheSmsProperties properties) {
		String secret = properties.getStoreSecret();
		return (secret != null) ? StoreDigest.of(secret) : StoreDigest.random();
	}

	static IdempotencySettings idempotency(JuheSmsProperties properties, ObjectProvider<IdempotencyStore> beans,
			StoreDigest digest) {
		JuheSmsProperties.Idempotency idempotency = properties.getIdempotency();
		IdempotencyStore store = bean(properties, beans, "idempotency keys");
		if (store == null) {
			store = new InMemoryIdempotencyStore(idempotency.getMaxKeys(), Clock.systemUTC());
		}
		return new IdempotencySettings(failOpen(properties) ? new FailOpenIdempotencyStore(store) : store,
				idempotency.getWindow(), idempotency.getWaitTimeout(), digest);
	}

	// A Redis that cannot be reached lets sends through instead of refusing them.
	static boolean failOpen(JuheSmsProperties properties) {
		return properties.getStore() == JuheSmsProperties.StoreType.REDIS && properties.getRedis().isFailOpen();
	}

	// The application's or the Redis bean, or null for a store in memory.
	static <T> @Nullable T bean(JuheSmsProperties properties, ObjectProvider<T> beans, String what) {
		T bean = beans.getIfAvailable();
		if (bean != null || properties.getStore() == JuheSmsProperties.StoreType.MEMORY) {
			return bean;
		}
		throw new JuheSmsConfigurationException("juhe.sms.store", "redis",
				"needs Spring Data Redis for the store of " + what + ", and it is not on the class path",
				"Add spring-boot-starter-data-redis, or set juhe.sms.store to memory.");
	}

	// The per-number limits and the spend caps of the properties over the configured
	// store; caps apply with the limits off too.
	static SendLimiter sendLimiter(JuheSmsProperties properties, ObjectProvider<SendLimitStore> store,
			StoreDigest digest, SpendCapMonitor monitor) {
		JuheSmsProperties.Limits limits = properties.getLimits();
		SpendCaps caps = spendCaps(properties);
		if (!limits.isEnabled() && caps.isEmpty()) {
			return SendLimiter.UNLIMITED;
		}
		List<SendLimitRule> rules = new ArrayList<>();
		Map<JuheProduct, List<SendLimitRule>> productRules = new EnumMap<>(JuheProduct.class);
		List<SendLimitRule> everyRule = new ArrayList<>();
		if (limits.isEnabled()) {
			rules = rules(limits.getRules());
			everyRule.addAll(rules);
			for (Map.Entry<JuheProduct, JuheSmsProperties.Product> product : properties.products().entrySet()) {
				List<SendLimitRule> own = rules(product.getValue().getLimits().getRules());
				productRules.put(product.getKey(), own);
				everyRule.addAll(own);
			}
		}
		SendLimiter limiter = new SlidingWindowSendLimiter(JuheSmsStores.sendLimits(properties, store, everyRule),
				rules, productRules, limits.isPerTemplate(), digest, !limits.isSharedAcrossAccounts(), caps, monitor);
		return JuheSmsStores.failOpen(properties) ? new FailOpenSendLimiter(limiter) : limiter;
	}

	private static List<SendLimitRule> rules(List<JuheSmsProperties.Limits.Rule> configured) {
		List<SendLimitRule> rules = new ArrayList<>(configured.size());
		for (JuheSmsProperties.Limits.Rule rule : configured) {
			rules.add(new SendLimitRule(rule.getCount(), rule.getWindow()));
		}
		return rules;
	}

	// Each product's caps and International's per area, and the accounts' own.
	static SpendCaps spendCaps(JuheSmsProperties properties) {
		Map<JuheProduct, SpendCapLimits> products = new EnumMap<>(JuheProduct.class);
		for (Map.Entry<JuheProduct, JuheSmsProperties.Product> product : properties.products().entrySet()) {
			JuheSmsProperties.SpendCaps caps = product.getValue().getSpendCaps();
			if (!caps.isEmpty()) {
				products.put(product.getKey(), limits(caps));
			}
		}
		Map<String, SpendCapLimits> areas = new HashMap<>();
		for (Map.Entry<String, JuheSmsProperties.CapLimits> area : properties.getInternational()
			.getSpendCaps()
			.getPerArea()
			.entrySet()) {
			if (!area.getValue().isEmpty()) {
				areas.put(area.getKey(), limits(area.getValue()));
			}
		}
		Map<String, Map<JuheProduct, SpendCapLimits>> accounts = new HashMap<>();
		for (Map.Entry<String, JuheSmsProperties.Account> account : properties.getAccounts().entrySet()) {
			Map<JuheProduct, SpendCapLimits> own = new EnumMap<>(JuheProduct.class);
			for (Map.Entry<JuheProduct, JuheSmsProperties.AccountProduct> product : account.getValue()
				.products()
				.entrySet()) {
				if (!product.getValue().getSpendCaps().isEmpty()) {
					own.put(product.getKey(), limits(product.getValue().getSpendCaps()));
				}
			}
			if (!own.isEmpty()) {
				accounts.put(account.getKey(), own);
			}
		}
		return (products.isEmpty() && areas.isEmpty() && accounts.isEmpty()) ? SpendCaps.NONE
				: new SpendCaps(products, areas, accounts);
	}

	private static SpendCapLimits limits(JuheSmsProperties.CapLimits caps) {
		return new SpendCapLimits(caps.getHourly(), caps.getDaily(), caps.getMonthly());
	}

	// The application's or the Redis store of codes, or one in memory.
	static VerificationCodeStore verificationCodes(JuheSmsProperties properties,
			ObjectProvider<VerificationCodeStore> beans) {
		VerificationCodeStore bean = JuheSmsStores.bean(properties, beans, "verification codes");
		return (bean != null) ? bean
				: new InMemoryVerificationCodeStore(properties.getCodes().getMaxNumbers(), Clock.systemUTC());
	}

}

package io.github.juhesms.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.github.juhesms.guard.FailOpenIdempotencyStore;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.InMemoryIdempotencyStore;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.SendLimitStore;
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
		// An idle number is dropped after the longest window of the rules (a day without
		// rules).
		return (bean != null) ? bean : new InMemorySendLimitStore(properties.getLimits().getMaxNumbers(),
				SendLimitRule.longestWindow(rules, Duration.ofDays(1)));
	}

	static IdempotencyStore idempotencyKeys(JuheSmsProperties properties, ObjectProvider<IdempotencyStore> beans) {
		IdempotencyStore store = bean(properties, beans, "idempotency keys");
		if (store == null) {
			store = new InMemoryIdempotencyStore(properties.getIdempotency().getMaxKeys(), Clock.systemUTC());
		}
		return failOpen(properties) ? new FailOpenIdempotencyStore(store) : store;
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
		throw new IllegalStateException("No store for " + what + " is available; with juhe.sms.store=redis, "
				+ "add spring-boot-starter-data-redis");
	}

}

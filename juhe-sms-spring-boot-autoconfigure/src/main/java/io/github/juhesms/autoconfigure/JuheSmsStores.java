package io.github.juhesms.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import io.github.juhesms.codes.InMemoryVerificationCodeStore;
import io.github.juhesms.codes.VerificationCodeStore;
import io.github.juhesms.core.IdempotencyStore;
import io.github.juhesms.idempotency.FailOpenIdempotencyStore;
import io.github.juhesms.idempotency.InMemoryIdempotencyStore;
import io.github.juhesms.limits.InMemorySendLimitStore;
import io.github.juhesms.limits.SendLimitStore;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The store of send limits, idempotency keys or verification codes that the starter uses: the
 * application's own bean, else the Redis one ({@code juhe.sms.store=redis}), else a new one in memory.
 * The in-memory stores are not beans: three bean definitions and bean searches would cost the
 * start-up of every application for a default that is rarely replaced, and a replacement still wins.
 */
final class JuheSmsStores {

	private JuheSmsStores() {
	}

	static SendLimitStore sendLimits(JuheSmsProperties properties, ObjectProvider<SendLimitStore> beans) {
		return store(properties, beans, "send limits", () -> {
			Duration longest = properties.getLimits()
				.getRules()
				.stream()
				.map(JuheSmsProperties.Limits.Rule::getWindow)
				.max(Duration::compareTo)
				.orElse(Duration.ofDays(1));
			return new InMemorySendLimitStore(properties.getLimits().getMaxNumbers(), longest);
		});
	}

	static IdempotencyStore idempotencyKeys(JuheSmsProperties properties, ObjectProvider<IdempotencyStore> beans) {
		IdempotencyStore store = store(properties, beans, "idempotency keys",
				() -> new InMemoryIdempotencyStore(properties.getIdempotency().getMaxKeys(), Clock.systemUTC()));
		return failOpen(properties) ? new FailOpenIdempotencyStore(store) : store;
	}

	static VerificationCodeStore verificationCodes(JuheSmsProperties properties,
			ObjectProvider<VerificationCodeStore> beans) {
		return store(properties, beans, "verification codes",
				() -> new InMemoryVerificationCodeStore(properties.getCodes().getMaxNumbers(), Clock.systemUTC()));
	}

	// A Redis that cannot be reached lets sends through instead of refusing them.
	static boolean failOpen(JuheSmsProperties properties) {
		return properties.getStore() == JuheSmsProperties.StoreType.REDIS && properties.getRedis().isFailOpen();
	}

	private static <T> T store(JuheSmsProperties properties, ObjectProvider<T> beans, String what,
			Supplier<T> inMemory) {
		T bean = beans.getIfAvailable();
		if (bean != null) {
			return bean;
		}
		if (properties.getStore() == JuheSmsProperties.StoreType.MEMORY) {
			return inMemory.get();
		}
		throw new IllegalStateException("No store for " + what + " is available; with juhe.sms.store=redis, "
				+ "add spring-boot-starter-data-redis");
	}

}

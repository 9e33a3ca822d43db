package io.github.juhesms.core;

import java.util.function.Supplier;

import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * The retry tokens of one product: a Bucket4j token bucket, whose atomic consumption keeps the
 * budget exact under any number of concurrent calls.
 */
final class RetryBudget {

	// Created on first retry: most calls never retry, and the bucket's classes cost start-up time.
	private final @Nullable Supplier<Bucket> bucket;

	RetryBudget(RetryBudgetSettings settings) {
		this.bucket = settings.enabled() ? SingletonSupplier.of(() -> Bucket.builder()
			.addLimit((limit) -> limit.capacity(settings.capacity())
				.refillGreedy(1, settings.refillInterval())
				.initialTokens(settings.capacity()))
			.build()) : null;
	}

	/**
	 * Take one retry token.
	 * @return {@code true} when the retry may go ahead
	 */
	boolean tryAcquire() {
		return this.bucket == null || this.bucket.get().tryConsume(1);
	}

}

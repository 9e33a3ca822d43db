package io.github.juhesms.call;

import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

/**
 * The retry tokens of one product: a Bucket4j token bucket, whose atomic consumption
 * keeps the budget exact under any number of concurrent calls. Created with the product's
 * retry template, on its first call.
 */
final class RetryBudget {

	private final @Nullable Bucket bucket;

	RetryBudget(RetryBudgetSettings settings) {
		this.bucket = settings.enabled() ? Bucket.builder()
			.addLimit((limit) -> limit.capacity(settings.capacity())
				.refillGreedy(1, settings.refillInterval())
				.initialTokens(settings.capacity()))
			.build() : null;
	}

	/**
	 * Take one retry token.
	 * @return {@code true} when the retry may go ahead
	 */
	boolean tryAcquire() {
		return this.bucket == null || this.bucket.tryConsume(1);
	}

}

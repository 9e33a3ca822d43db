package io.github.juhesms.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A value replaced by a new one once it is older than a maximum age, for HTTP clients
 * whose idle connections cannot be given a timeout of their own: a connection belongs to
 * the generation that opened it and is never used after that generation ends, so none is
 * written on after idling longer than the maximum age.
 *
 * @param <T> the type of the value
 */
final class Generations<T> {

	private final Supplier<T> factory;

	private final long maxAgeNanos;

	private volatile Generation<T> current;

	Generations(Supplier<T> factory, Duration maxAge) {
		this.factory = factory;
		this.maxAgeNanos = maxAge.toNanos();
		this.current = new Generation<>(factory.get(), System.nanoTime());
	}

	T current() {
		Generation<T> generation = this.current;
		if (System.nanoTime() - generation.born() >= this.maxAgeNanos) {
			synchronized (this) {
				generation = this.current;
				if (System.nanoTime() - generation.born() >= this.maxAgeNanos) {
					generation = new Generation<>(this.factory.get(), System.nanoTime());
					this.current = generation;
				}
			}
		}
		return generation.value();
	}

	private record Generation<T>(T value, long born) {
	}

}

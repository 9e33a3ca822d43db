package io.github.juhesms.guard;

import java.time.Duration;

import io.github.juhesms.store.IdempotencyStore;

/**
 * De-duplication of sends that carry an idempotency key.
 *
 * @param store where keys are remembered
 * @param window how long a key is remembered
 * @param waitTimeout how long a repeat waits for a first send still in flight before
 * reporting it
 */
public record IdempotencySettings(IdempotencyStore store, Duration window, Duration waitTimeout) {

}

package io.github.juhesms.guard;

import java.time.Duration;

import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.StoreDigest;

/**
 * De-duplication of sends that carry an idempotency key.
 *
 * @param store where keys are remembered
 * @param window how long a key is remembered
 * @param waitTimeout how long a repeat waits for a first send still in flight before
 * reporting it
 * @param digest the keyed digest that stands for each key and request fingerprint in the
 * store, as applications put phone numbers in their keys
 */
public record IdempotencySettings(IdempotencyStore store, Duration window, Duration waitTimeout, StoreDigest digest) {

}

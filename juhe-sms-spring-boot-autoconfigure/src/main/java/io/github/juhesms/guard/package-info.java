/**
 * The send guard: de-duplication by idempotency key and per-number limits around a send,
 * and the limiter over the stores.
 */
@NullMarked
package io.github.juhesms.guard;

import org.jspecify.annotations.NullMarked;

/**
 * De-duplication of sends that carry an idempotency key: an in-memory store (Redis in
 * {@code io.github.juhesms.redis}).
 */
@NullMarked
package io.github.juhesms.idempotency;

import org.jspecify.annotations.NullMarked;

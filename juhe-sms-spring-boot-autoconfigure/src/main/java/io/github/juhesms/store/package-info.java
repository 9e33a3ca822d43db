/**
 * What a store of limits, idempotency keys or verification codes implements (SPIs and
 * their records), with the in-memory stores.
 */
@NullMarked
package io.github.juhesms.store;

import org.jspecify.annotations.NullMarked;

/**
 * Per-number send limits: a sliding-window limiter over a store (in memory or Redis).
 */
@NullMarked
package io.github.juhesms.limits;

import org.jspecify.annotations.NullMarked;

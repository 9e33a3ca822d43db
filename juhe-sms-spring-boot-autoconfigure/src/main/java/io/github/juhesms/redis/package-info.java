/**
 * Redis stores of send limits, idempotency keys and verification codes, for applications
 * that run several instances; every check is one atomic Redis command or Lua script,
 * every key is prefixed and expires.
 */
@NullMarked
package io.github.juhesms.redis;

import org.jspecify.annotations.NullMarked;

/**
 * Shared core of every Juhe product client: transport, envelope parsing,
 * template-variable encoding, errors and their catalog, retry, observation and masking.
 */
@NullMarked
package io.github.juhesms.core;

import org.jspecify.annotations.NullMarked;

/**
 * What callers listen to: one application event per send (sent, rejected, outcome
 * unknown).
 */
@NullMarked
package io.github.juhesms.event;

import org.jspecify.annotations.NullMarked;

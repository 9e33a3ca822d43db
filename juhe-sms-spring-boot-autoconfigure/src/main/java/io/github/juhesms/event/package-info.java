/**
 * What callers listen to: one application event per send (sent, rejected, outcome
 * unknown), and one when a spend cap is reached.
 */
@NullMarked
package io.github.juhesms.event;

import org.jspecify.annotations.NullMarked;

/**
 * What every product shares with its callers: the products and their operations, send
 * options, receipts, template states and the masking of numbers.
 */
@NullMarked
package io.github.juhesms.core;

import org.jspecify.annotations.NullMarked;

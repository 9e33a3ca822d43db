/**
 * What every product shares with its callers: the products and their operations, send
 * options, receipts, template states, the masking of numbers and the billing rule.
 */
@NullMarked
package io.github.juhesms.core;

import org.jspecify.annotations.NullMarked;

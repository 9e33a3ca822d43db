/**
 * Verification codes for sign-in and sign-up: generated, sent, stored as a hash, verified
 * once.
 */
@NullMarked
package io.github.juhesms.codes;

import org.jspecify.annotations.NullMarked;

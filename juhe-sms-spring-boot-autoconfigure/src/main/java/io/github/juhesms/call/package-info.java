/**
 * The call pipeline product clients are built on: operations' forms, the product API with
 * retry and observation, validation and answer parsing.
 */
@NullMarked
package io.github.juhesms.call;

import org.jspecify.annotations.NullMarked;

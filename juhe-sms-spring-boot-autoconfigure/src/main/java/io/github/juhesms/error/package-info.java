/**
 * What callers catch: the exception of each failure category and the catalog of Juhe's
 * documented error codes.
 */
@NullMarked
package io.github.juhesms.error;

import org.jspecify.annotations.NullMarked;

/**
 * Helpers of the starter's own code; not API, may change in any release.
 */
@NullMarked
package io.github.juhesms.internal;

import org.jspecify.annotations.NullMarked;

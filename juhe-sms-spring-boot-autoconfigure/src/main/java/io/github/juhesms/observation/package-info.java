/**
 * Observation of calls: context, convention, default convention and the names of every
 * key.
 */
@NullMarked
package io.github.juhesms.observation;

import org.jspecify.annotations.NullMarked;

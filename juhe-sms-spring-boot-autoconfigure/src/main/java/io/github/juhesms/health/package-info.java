/**
 * The {@code juhe} health indicator: which products Juhe refuses for now.
 */
@NullMarked
package io.github.juhesms.health;

import org.jspecify.annotations.NullMarked;

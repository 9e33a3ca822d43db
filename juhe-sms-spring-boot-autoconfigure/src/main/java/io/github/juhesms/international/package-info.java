/**
 * International SMS (国际短信): templates, sends to any area code, area codes with their
 * fees.
 */
@NullMarked
package io.github.juhesms.international;

import org.jspecify.annotations.NullMarked;

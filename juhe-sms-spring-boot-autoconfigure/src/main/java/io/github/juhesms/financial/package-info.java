/**
 * Financial SMS (金融短信): templates with one id per carrier, sends to up to 10,000 mainland
 * mobiles at once, grouping numbers by carrier, and sends that pick each carrier's
 * template.
 */
@NullMarked
package io.github.juhesms.financial;

import org.jspecify.annotations.NullMarked;

/**
 * The templates the starter knows: each product's approved templates, fetched on first
 * use and cached per account, against which a send's template and variables are checked
 * before any request.
 */
@NullMarked
package io.github.juhesms.template;

import org.jspecify.annotations.NullMarked;

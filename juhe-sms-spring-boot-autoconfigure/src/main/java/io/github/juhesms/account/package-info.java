/**
 * Named Juhe accounts: several subscriptions, each with its own keys, in one application.
 */
@NullMarked
package io.github.juhesms.account;

import org.jspecify.annotations.NullMarked;

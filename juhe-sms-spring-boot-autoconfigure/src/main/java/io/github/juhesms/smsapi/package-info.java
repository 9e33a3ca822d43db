/**
 * The SMS API (短信API服务): template sends to mainland mobiles.
 */
@NullMarked
package io.github.juhesms.smsapi;

import org.jspecify.annotations.NullMarked;

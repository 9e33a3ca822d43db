/**
 * Verification-code SMS (短信API服务（验证码）): templates built from Juhe's ready-made
 * verification-code texts, and sends of codes to mainland mobiles.
 */
@NullMarked
package io.github.juhesms.verificationcode;

import org.jspecify.annotations.NullMarked;

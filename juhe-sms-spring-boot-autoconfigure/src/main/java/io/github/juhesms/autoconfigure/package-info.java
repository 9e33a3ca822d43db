/**
 * Auto-configuration of the Juhe SMS clients: {@code juhe.sms.*} properties, the shared
 * HTTP transport and one bean per enabled product that has a key.
 */
@NullMarked
package io.github.juhesms.autoconfigure;

import org.jspecify.annotations.NullMarked;

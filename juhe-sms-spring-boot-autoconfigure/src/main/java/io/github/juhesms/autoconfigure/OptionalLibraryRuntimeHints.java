package io.github.juhesms.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Lets the starter find by name, in a native image, the optional libraries it adapts
 * itself to at run time: without the hints the look-ups find nothing there, and the
 * starter would leave Apache HttpClient's own retries of a billed POST on and Lettuce
 * without {@code juhe.sms.redis.timeout}. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
class OptionalLibraryRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection().registerTypeIfPresent(classLoader, JuheSmsRestClientFactory.APACHE_HTTP_CLIENT);
		hints.reflection().registerTypeIfPresent(classLoader, JuheSmsRedisConnection.LETTUCE);
	}

}

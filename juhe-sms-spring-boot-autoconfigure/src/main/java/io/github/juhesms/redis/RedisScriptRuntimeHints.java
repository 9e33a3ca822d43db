package io.github.juhesms.redis;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Includes in a native image the Lua scripts the Redis stores load from the class path.
 * Registered in {@code META-INF/spring/aot.factories}.
 */
class RedisScriptRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern("io/github/juhesms/redis/*.lua");
	}

}

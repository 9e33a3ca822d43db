package io.github.juhesms.redis;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Lua script the Redis stores load is included in a native image.
 */
class RedisScriptRuntimeHintsTests {

	@Test
	void everyScriptOfTheStoresIsIncluded() {
		RuntimeHints hints = new RuntimeHints();
		new RedisScriptRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(List.of(RedisSendLimitStore.ACQUIRE_SCRIPT, RedisSendLimitStore.RELEASE_SCRIPT,
				RedisVerificationCodeStore.SAVE_SCRIPT, RedisVerificationCodeStore.ATTEMPT_SCRIPT,
				RedisVerificationCodeStore.CONSUME_SCRIPT))
			.allSatisfy((script) -> {
				assertThat(new ClassPathResource(script).exists()).as(script).isTrue();
				assertThat(RuntimeHintsPredicates.resource().forResource(script)).as(script).accepts(hints);
			});
	}

}

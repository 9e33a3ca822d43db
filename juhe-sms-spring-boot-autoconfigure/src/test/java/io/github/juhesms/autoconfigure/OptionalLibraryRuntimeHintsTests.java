package io.github.juhesms.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional libraries the starter looks up by name can be found in a native image.
 */
class OptionalLibraryRuntimeHintsTests {

	@Test
	void theLibrariesTheStarterLooksUpAreRegistered() {
		RuntimeHints hints = new RuntimeHints();
		new OptionalLibraryRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.reflection()
			.onType(TypeReference.of(JuheSmsRestClientFactory.APACHE_HTTP_CLIENT))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(JuheSmsRedisConnection.LETTUCE)))
			.accepts(hints);
	}

}

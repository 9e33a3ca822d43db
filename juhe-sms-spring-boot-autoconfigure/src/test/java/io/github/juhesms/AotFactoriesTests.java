package io.github.juhesms;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link RuntimeHintsRegistrar} of the starter is listed in
 * {@code META-INF/spring/aot.factories}, where Spring's AOT processing finds it, and
 * loads from there.
 */
class AotFactoriesTests {

	@Test
	void everyRegistrarIsListedAndLoads() {
		List<RuntimeHintsRegistrar> listed = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
		Set<String> ours = listed.stream()
			.map((registrar) -> registrar.getClass().getName())
			.filter((name) -> name.startsWith("io.github.juhesms."))
			.collect(Collectors.toSet());

		assertThat(ours).isNotEmpty().isEqualTo(registrarsIn("io.github.juhesms"));
	}

	private static Set<String> registrarsIn(String basePackage) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(RuntimeHintsRegistrar.class));
		return scanner.findCandidateComponents(basePackage)
			.stream()
			.map(BeanDefinition::getBeanClassName)
			.collect(Collectors.toSet());
	}

}

package io.github.juhesms.test.fake;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fake needs in a native image: the vendor documents it reads and its JUnit
 * extension's constructor, registered through {@code META-INF/spring/aot.factories}.
 */
class FakeJuheRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	FakeJuheRuntimeHintsTests() {
		new FakeJuheRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theVendorDocumentsAreIncludedWhereTheFakeReadsThem() {
		// Relative to VendorDocuments, as Class.getResourceAsStream reads them.
		TypeReference reader = TypeReference.of(VendorDocuments.class);
		assertThat(List.of(VendorDocuments.INTERNATIONAL, VendorDocuments.VERIFICATION_CODE)).allSatisfy((document) -> {
			assertThat(VendorDocuments.class.getResource(document)).as(document).isNotNull();
			assertThat(RuntimeHintsPredicates.resource().forResource(reader, document)).as(document)
				.accepts(this.hints);
		});
	}

	@Test
	void junitCanCreateTheExtension() throws NoSuchMethodException {
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(FakeJuheServerExtension.class.getConstructor())).accepts(this.hints);
	}

	@Test
	void theRegistrarIsListedInAotFactoriesAndLoads() {
		Set<Class<?>> ours = SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.stream()
			.<Class<?>>map(Object::getClass)
			.filter((type) -> type.getPackageName().startsWith("io.github.juhesms.test"))
			.collect(Collectors.toSet());

		assertThat(ours).containsExactly(FakeJuheRuntimeHints.class);
	}

}

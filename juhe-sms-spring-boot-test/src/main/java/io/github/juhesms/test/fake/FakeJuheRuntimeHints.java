package io.github.juhesms.test.fake;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.io.ClassPathResource;

/**
 * Includes in a native image the vendor documents the fake answers from, and lets JUnit
 * create the extension of {@link FakeJuheServerTest}. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
class FakeJuheRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerResource(new ClassPathResource(VendorDocuments.INTERNATIONAL, VendorDocuments.class));
		hints.resources()
			.registerResource(new ClassPathResource(VendorDocuments.VERIFICATION_CODE, VendorDocuments.class));
		hints.reflection().registerType(FakeJuheServerExtension.class, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
	}

}

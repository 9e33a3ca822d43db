package io.github.juhesms.international;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Includes in a native image the libphonenumber metadata that
 * {@link InternationalNumbers} reads: one class path resource per region or
 * non-geographic calling code, loaded on first use of that area code. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
class PhoneNumberMetadataRuntimeHints implements RuntimeHintsRegistrar {

	// Parsing and the possible-number check read only these; the short-number and
	// alternate-format metadata of the same folder serve APIs the starter does not call.
	static final String PHONE_NUMBER_METADATA = "com/google/i18n/phonenumbers/data/PhoneNumberMetadataProto_*";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(PHONE_NUMBER_METADATA);
	}

}

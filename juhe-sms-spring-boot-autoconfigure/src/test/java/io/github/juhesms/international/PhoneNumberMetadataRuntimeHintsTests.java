package io.github.juhesms.international;

import java.util.List;
import java.util.stream.Stream;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata files of libphonenumber that a native image must hold, named as the
 * library itself names them.
 */
class PhoneNumberMetadataRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	private final DefaultMetadataDependenciesProvider metadata = DefaultMetadataDependenciesProvider.getInstance();

	PhoneNumberMetadataRuntimeHintsTests() {
		new PhoneNumberMetadataRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void everyRegionAndNonGeographicCallingCodeIsIncluded() {
		PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
		List<String> files = Stream
			.concat(phoneNumbers.getSupportedRegions().stream(),
					phoneNumbers.getSupportedGlobalNetworkCallingCodes().stream().map(String::valueOf))
			.map(this.metadata.getPhoneNumberMetadataFileNameProvider()::getFor)
			.toList();

		assertThat(files).hasSizeGreaterThan(200).allSatisfy((file) -> {
			assertThat(getClass().getResource(file)).as(file).isNotNull();
			assertThat(RuntimeHintsPredicates.resource().forResource(file)).as(file).accepts(this.hints);
		});
	}

	@Test
	void metadataForApisTheStarterDoesNotCallIsLeftOut() {
		String shortNumbers = this.metadata.getShortNumberMetadataFileNameProvider().getFor("CN");
		String alternateFormats = this.metadata.getAlternateFormatsMetadataFileNameProvider().getFor(86);

		assertThat(RuntimeHintsPredicates.resource().forResource(shortNumbers)).rejects(this.hints);
		assertThat(RuntimeHintsPredicates.resource().forResource(alternateFormats)).rejects(this.hints);
	}

}

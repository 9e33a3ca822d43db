package io.github.juhesms.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.juhesms.core.JuheProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the catalog against the vendor's documents in {@code docs/juhe}: every code they
 * list is in the catalog with the same text, and the catalog lists nothing they do not.
 */
class JuheErrorCatalogTests {

	private static final Path DOCS = Path.of("../docs/juhe");

	private static final Map<JuheProduct, String> DOCUMENTS = Map.of(JuheProduct.INTERNATIONAL, "international.txt",
			JuheProduct.FINANCIAL, "financial.txt", JuheProduct.VERIFICATION_CODE, "verification-code.txt",
			JuheProduct.SMS_API, "sms-api.txt", JuheProduct.VIDEO, "video.txt");

	// An error-table row starts with the code: 10001-10021 or a six-digit service code.
	private static final Pattern CODE_ROW = Pattern.compile("(?m)^\\s*(10\\d{3}|2\\d{5})(?=\\s|$)");

	@ParameterizedTest
	@EnumSource(JuheProduct.class)
	void catalogHoldsExactlyTheCodesOfEachDocument(JuheProduct product) throws IOException {
		String document = read(product);
		Set<Integer> documented = new TreeSet<>();
		Matcher matcher = CODE_ROW.matcher(document);
		while (matcher.find()) {
			documented.add(Integer.parseInt(matcher.group(1)));
		}
		Set<Integer> catalogued = JuheErrorCatalog.all()
			.stream()
			.filter((code) -> code.isSystemCode() || code.product() == product)
			.map(JuheErrorCode::code)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(documented).hasSizeGreaterThan(14);
		assertThat(catalogued).isEqualTo(documented);
	}

	@ParameterizedTest
	@EnumSource(JuheProduct.class)
	void catalogTextMatchesTheDocument(JuheProduct product) throws IOException {
		String document = normalize(read(product));
		JuheErrorCatalog.all()
			.stream()
			.filter((code) -> code.isSystemCode() || code.product() == product)
			.forEach((code) -> {
				String row = code.code() + code.documentText()
						+ ((code.legacyResultCode() != null) ? code.legacyResultCode() : "");
				assertThat(document).as("row of %s in %s", code.code(), product).contains(normalize(row));
			});
	}

	@Test
	void everyCodeHasADescriptionAndSystemCodesTheirOldResultCode() {
		assertThat(JuheErrorCatalog.all()).allSatisfy((code) -> {
			assertThat(code.description()).isNotBlank();
			assertThat(code.legacyResultCode() != null).isEqualTo(code.isSystemCode());
		});
		assertThat(JuheErrorCatalog.find(10001)).get().satisfies((code) -> {
			assertThat(code.legacyResultCode()).isEqualTo(101);
			assertThat(code.category()).isEqualTo(JuheSmsErrorCategory.CREDENTIALS);
		});
	}

	@Test
	void categoriesFollowTheIssue() {
		assertThat(categoryOf(10009)).isEqualTo(JuheSmsErrorCategory.CREDENTIALS);
		assertThat(categoryOf(10011)).isEqualTo(JuheSmsErrorCategory.QUOTA);
		assertThat(categoryOf(10013)).isEqualTo(JuheSmsErrorCategory.QUOTA);
		assertThat(categoryOf(235711)).isEqualTo(JuheSmsErrorCategory.QUOTA);
		assertThat(categoryOf(10020)).isEqualTo(JuheSmsErrorCategory.SERVICE_UNAVAILABLE);
		assertThat(categoryOf(10021)).isEqualTo(JuheSmsErrorCategory.SERVICE_UNAVAILABLE);
		assertThat(categoryOf(235700)).isEqualTo(JuheSmsErrorCategory.BUSY);
		assertThat(categoryOf(235712)).isEqualTo(JuheSmsErrorCategory.BUSY);
		assertThat(categoryOf(235710)).isEqualTo(JuheSmsErrorCategory.REJECTED);
		assertThat(JuheErrorCatalog.find(10014)).get()
			.satisfies((code) -> assertThat(code.outcomeUncertain()).isTrue());
		assertThat(JuheErrorCatalog.find(10006)).isEmpty();
	}

	private static JuheSmsErrorCategory categoryOf(int code) {
		return JuheErrorCatalog.find(code).orElseThrow().category();
	}

	private static String read(JuheProduct product) throws IOException {
		return Files.readString(DOCS.resolve(DOCUMENTS.get(product)), StandardCharsets.UTF_8);
	}

	// The documents mix full-width and half-width punctuation and break lines inside a
	// row.
	private static String normalize(String text) {
		return text.replaceAll("\\s+", "").replace('，', ',').replace('（', '(').replace('）', ')').replace('：', ':');
	}

}

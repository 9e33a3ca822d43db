package io.github.juhesms.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The keyed digests that stand for numbers, keys and codes in the stores.
 */
class StoreDigestTests {

	private static final String SECRET = "a-secret-of-thirty-two-characters";

	@Test
	void aSecretGivesTheSameDigestsEverywhereAndAnotherSecretOthers() {
		StoreDigest digest = StoreDigest.of(SECRET);
		assertThat(digest.name("13812345678")).hasSize(32)
			.isEqualTo(StoreDigest.of(SECRET).name("13812345678"))
			.isNotEqualTo(digest.name("13812345679"))
			.isNotEqualTo(StoreDigest.of(SECRET + "!").name("13812345678"));
		assertThat(digest.hash("13812345678")).hasSize(64).startsWith(digest.name("13812345678"));
	}

	@Test
	void aRandomSecretIsItsProcesssOwn() {
		StoreDigest first = StoreDigest.random();
		assertThat(first.name("13812345678")).isEqualTo(first.name("13812345678"))
			.isNotEqualTo(StoreDigest.random().name("13812345678"));
	}

	@Test
	void aShortSecretIsRefusedWithoutBeingShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> StoreDigest.of("short-secret"))
			.withMessage("the secret must have at least 32 characters (had 12)");
	}

	@Test
	void theSecretNeverShows() {
		assertThat(StoreDigest.of(SECRET).toString()).doesNotContain(SECRET).contains("****");
	}

}

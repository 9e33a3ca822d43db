package io.github.juhesms.error;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * One documented Juhe {@code error_code}.
 *
 * @param code the error code
 * @param product the product whose document lists it, or {@code null} for a system code
 * shared by all
 * @param documentText the document's own (Chinese) text
 * @param description an English description
 * @param category the category of the code
 * @param legacyResultCode the old {@code resultcode} of a system code, or {@code null}
 * @param outcomeUncertain whether the document warns that the operation may have happened
 * anyway
 */
public record JuheErrorCode(int code, @Nullable JuheProduct product, String documentText, String description,
		JuheSmsErrorCategory category, @Nullable Integer legacyResultCode, boolean outcomeUncertain) {

	/**
	 * Whether the code is a system-level code (leading 1), shared by all products.
	 * @return {@code true} for 10001-10021
	 */
	public boolean isSystemCode() {
		return this.product == null;
	}

}

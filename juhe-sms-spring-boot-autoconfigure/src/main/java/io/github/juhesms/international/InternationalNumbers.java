package io.github.juhesms.international;

import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;

/**
 * Checks an area code and number with Google's libphonenumber before Juhe is called. Juhe
 * writes some North American areas as {@code 1} plus the area code ({@code 1649} for
 * Turks and Caicos), so the area code and the number are parsed together.
 */
final class InternationalNumbers {

	private static final PhoneNumberUtil PHONE_NUMBERS = PhoneNumberUtil.getInstance();

	private InternationalNumbers() {
	}

	static void check(JuheOperation operation, String areaCode, String mobile) {
		JuheValidation.requireDigits(operation, "areaNum", areaCode, 1, 4);
		JuheValidation.requireDigits(operation, "mobile", mobile, 4, 14);
		PhoneNumber number;
		try {
			number = PHONE_NUMBERS.parse("+" + areaCode + mobile, "ZZ");
		}
		catch (NumberParseException ex) {
			throw unknownAreaCode(operation, areaCode);
		}
		String countryCode = Integer.toString(number.getCountryCode());
		// "+8" followed by "1..." parses as Japan (+81): the area code itself must start
		// with the country code.
		if (!areaCode.startsWith(countryCode)
				|| PHONE_NUMBERS.getRegionCodesForCountryCode(number.getCountryCode()).isEmpty()) {
			throw unknownAreaCode(operation, areaCode);
		}
		ValidationResult result = PHONE_NUMBERS.isPossibleNumberWithReason(number);
		// A number dialable only locally lacks its area prefix: Juhe needs the full
		// national number.
		if (result != ValidationResult.IS_POSSIBLE) {
			throw new JuheSmsInvalidRequestException(operation, "mobile", "is not a possible number for area code "
					+ areaCode + " (" + result.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
		}
	}

	private static JuheSmsInvalidRequestException unknownAreaCode(JuheOperation operation, String areaCode) {
		return new JuheSmsInvalidRequestException(operation, "areaNum",
				"'" + areaCode + "' is not a known international calling code");
	}

}

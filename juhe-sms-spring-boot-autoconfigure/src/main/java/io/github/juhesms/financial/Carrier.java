package io.github.juhesms.financial;

import io.github.juhesms.call.JuheResult;

/**
 * A mainland carrier, or all three networks (三网). Each endpoint of the Financial SMS
 * document encodes carriers its own way, so each has its own mapping: reading one with
 * another's would send a message with another carrier's template.
 */
public enum Carrier {

	/** All three networks (三网): a template usable for every carrier. */
	ALL,

	/** China Mobile (移动). */
	CHINA_MOBILE,

	/** China Unicom (联通). */
	CHINA_UNICOM,

	/** China Telecom (电信). */
	CHINA_TELECOM;

	/**
	 * Map a letter of {@code submitTpl}'s {@code tplBatchInfo}: a = all three networks, b
	 * = Mobile, c = Unicom, d = Telecom.
	 * @param letter the letter
	 * @param where the node holding it, to report an unknown letter
	 * @return the carrier
	 */
	static Carrier ofTemplateBatchLetter(String letter, JuheResult where) {
		return switch (letter) {
			case "a" -> ALL;
			case "b" -> CHINA_MOBILE;
			case "c" -> CHINA_UNICOM;
			case "d" -> CHINA_TELECOM;
			default -> throw where.invalid("unknown carrier letter '" + letter
					+ "' (tplBatchInfo uses a = all networks, b = Mobile, c = Unicom, d = Telecom)");
		};
	}

	/**
	 * Map a group letter of {@code mobileGroup}'s result: a = Mobile, b = Unicom, c =
	 * Telecom. Unlike {@code tplBatchInfo}, {@code a} is not "all networks" here;
	 * {@code unknown} is read by the caller.
	 * @param letter the letter
	 * @param where the node holding it, to report an unknown letter
	 * @return the carrier, never {@link #ALL}
	 */
	static Carrier ofMobileGroupLetter(String letter, JuheResult where) {
		return switch (letter) {
			case "a" -> CHINA_MOBILE;
			case "b" -> CHINA_UNICOM;
			case "c" -> CHINA_TELECOM;
			default -> throw where.invalid("unknown carrier group '" + letter
					+ "' (mobileGroup uses a = Mobile, b = Unicom, c = Telecom, unknown)");
		};
	}

	/**
	 * Map {@code myTemplates}' {@code operation}: 0 = all networks, 1 = Mobile, 2 =
	 * Unicom, 3 = Telecom.
	 * @param operation the value
	 * @param where the node holding it, to report an unknown value
	 * @return the carrier
	 */
	static Carrier ofTemplateOperation(int operation, JuheResult where) {
		return switch (operation) {
			case 0 -> ALL;
			case 1 -> CHINA_MOBILE;
			case 2 -> CHINA_UNICOM;
			case 3 -> CHINA_TELECOM;
			default -> throw where.invalid("unknown carrier " + operation
					+ " (operation uses 0 = all networks, 1 = Mobile, 2 = Unicom, 3 = Telecom)");
		};
	}

}

package io.github.juhesms.test.fake;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.juhesms.financial.Carrier;
import org.jspecify.annotations.Nullable;

/**
 * The carrier of a mainland mobile by its first three digits. A deliberately small table
 * of the three carriers' own ranges, enough for a test double; it is not the full
 * numbering plan. Shared virtual-operator ranges ({@code 170}, {@code 171}, {@code 162},
 * {@code 165}, {@code 167}) and China Broadnet ({@code 192}) are left out, so such
 * numbers have no known carrier: tests can use them for {@code mobileGroup}'s
 * {@code unknown}.
 */
final class Carriers {

	private static final Pattern MAINLAND_MOBILE = Pattern.compile("1[3-9][0-9]{9}");

	private static final Map<Carrier, List<String>> PREFIXES;

	private static final Map<String, Carrier> BY_PREFIX = new HashMap<>();

	static {
		Map<Carrier, List<String>> prefixes = new EnumMap<>(Carrier.class);
		prefixes.put(Carrier.CHINA_MOBILE, List.of("134", "135", "136", "137", "138", "139", "147", "150", "151", "152",
				"157", "158", "159", "172", "178", "182", "183", "184", "187", "188", "195", "197", "198"));
		prefixes.put(Carrier.CHINA_UNICOM,
				List.of("130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186", "196"));
		prefixes.put(Carrier.CHINA_TELECOM,
				List.of("133", "149", "153", "173", "177", "180", "181", "189", "190", "191", "193", "199"));
		prefixes.forEach((carrier, list) -> list.forEach((prefix) -> BY_PREFIX.put(prefix, carrier)));
		PREFIXES = Collections.unmodifiableMap(prefixes);
	}

	private Carriers() {
	}

	static Map<Carrier, List<String>> prefixes() {
		return PREFIXES;
	}

	/**
	 * Whether a number has the form mainland products accept: {@code 1[3-9]} and 9 more
	 * digits.
	 * @param mobile the number
	 * @return {@code true} for a mainland mobile number
	 */
	static boolean isMainlandMobile(String mobile) {
		return MAINLAND_MOBILE.matcher(mobile).matches();
	}

	/**
	 * The carrier of a mainland mobile.
	 * @param mobile the number
	 * @return China Mobile, Unicom or Telecom, or {@code null} when the table has no such
	 * range
	 */
	static @Nullable Carrier of(String mobile) {
		return isMainlandMobile(mobile) ? BY_PREFIX.get(mobile.substring(0, 3)) : null;
	}

}

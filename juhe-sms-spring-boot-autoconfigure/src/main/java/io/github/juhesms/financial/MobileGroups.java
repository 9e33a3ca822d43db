package io.github.juhesms.financial;

import java.util.List;

import io.github.juhesms.core.Masking;

/**
 * Mainland numbers grouped by carrier ({@code mobileGroup}).
 *
 * @param chinaMobile China Mobile numbers ({@code a})
 * @param chinaUnicom China Unicom numbers ({@code b})
 * @param chinaTelecom China Telecom numbers ({@code c})
 * @param unknown numbers of no known carrier ({@code unknown})
 */
public record MobileGroups(List<String> chinaMobile, List<String> chinaUnicom, List<String> chinaTelecom,
		List<String> unknown) {

	/**
	 * Create the numbers grouped by carrier.
	 * @param chinaMobile China Mobile numbers
	 * @param chinaUnicom China Unicom numbers
	 * @param chinaTelecom China Telecom numbers
	 * @param unknown numbers of no known carrier
	 */
	public MobileGroups {
		chinaMobile = List.copyOf(chinaMobile);
		chinaUnicom = List.copyOf(chinaUnicom);
		chinaTelecom = List.copyOf(chinaTelecom);
		unknown = List.copyOf(unknown);
	}

	/**
	 * The numbers of one carrier.
	 * @param carrier a carrier other than {@link Carrier#ALL}
	 * @return the carrier's numbers
	 */
	public List<String> of(Carrier carrier) {
		return switch (carrier) {
			case CHINA_MOBILE -> this.chinaMobile;
			case CHINA_UNICOM -> this.chinaUnicom;
			case CHINA_TELECOM -> this.chinaTelecom;
			case ALL -> throw new IllegalArgumentException("Numbers are grouped by carrier, not under ALL");
		};
	}

	@Override
	public String toString() {
		return "MobileGroups[chinaMobile=" + Masking.mobiles(this.chinaMobile) + ", chinaUnicom="
				+ Masking.mobiles(this.chinaUnicom) + ", chinaTelecom=" + Masking.mobiles(this.chinaTelecom)
				+ ", unknown=" + Masking.mobiles(this.unknown) + "]";
	}

}

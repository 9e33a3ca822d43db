package io.github.juhesms.financial;

import java.util.List;

import io.github.juhesms.core.Masking;

/**
 * What a carrier-aware send did: one entry per send to a carrier's numbers, the numbers
 * that were not sent because their carrier is unknown, and the duplicates removed
 * beforehand.
 *
 * @param sends the sends, Mobile first, then Unicom, then Telecom, each carrier's numbers
 * 10,000 per send
 * @param unknownCarrier numbers Juhe placed under no known carrier: these were not sent
 * @param duplicatesRemoved how many repeated numbers were removed before sending
 */
public record CarrierSendReport(List<CarrierGroupSend> sends, List<String> unknownCarrier, int duplicatesRemoved) {

	/**
	 * Create the report of a carrier-aware send.
	 * @param sends the sends to each carrier's numbers
	 * @param unknownCarrier numbers under no known carrier, which were not sent
	 * @param duplicatesRemoved how many repeated numbers were removed before sending
	 */
	public CarrierSendReport {
		sends = List.copyOf(sends);
		unknownCarrier = List.copyOf(unknownCarrier);
	}

	/**
	 * The sends that failed, including those whose outcome is unknown.
	 * @return the failed sends
	 */
	public List<CarrierGroupSend> failed() {
		return this.sends.stream().filter((send) -> !send.isSent()).toList();
	}

	/**
	 * Whether every number was sent: no send failed and no carrier was unknown.
	 * @return {@code true} when every number was accepted by Juhe
	 */
	public boolean isAllSent() {
		return this.unknownCarrier.isEmpty() && this.sends.stream().allMatch(CarrierGroupSend::isSent);
	}

	@Override
	public String toString() {
		return "CarrierSendReport[sends=" + this.sends + ", unknownCarrier=" + Masking.mobiles(this.unknownCarrier)
				+ ", duplicatesRemoved=" + this.duplicatesRemoved + "]";
	}

}

package io.github.juhesms.international;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;

/**
 * What one message costs in each area ({@code areaCode}'s {@code fee}), fetched per
 * account when an estimate first needs it and kept a day: Juhe's price list changes
 * rarely, and a send never waits for it.
 */
final class AreaFees {

	private static final Log logger = LogFactory.getLog(AreaFees.class);

	private static final Duration KEPT = Duration.ofDays(1);

	private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);

	private final Function<String, List<AreaCode>> source;

	private final Clock clock;

	private final ConcurrentMap<String, Fees> byAccount = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Instant> failedAt = new ConcurrentHashMap<>();

	AreaFees(Function<String, List<AreaCode>> source, Clock clock) {
		this.source = source;
		this.clock = clock;
	}

	/**
	 * The fee of one message to an area, fetching the list when it is missing, old, or
	 * lacks the area.
	 * @param operation the operation that needs it
	 * @param account the account
	 * @param areaCode the area code
	 * @return the fee
	 * @throws JuheSmsInvalidRequestException if Juhe does not list the area
	 */
	int fee(JuheOperation operation, String account, String areaCode) {
		Instant now = this.clock.instant();
		Fees fees = this.byAccount.get(account);
		// An area the list lacks fetches it again, at most once a minute.
		if (fees == null || now.isAfter(fees.fetchedAt().plus(KEPT)) || (!fees.byArea().containsKey(areaCode)
				&& !now.isBefore(fees.fetchedAt().plus(RETRY_AFTER_FAILURE)))) {
			Map<String, Integer> byArea = new HashMap<>();
			for (AreaCode area : this.source.apply(account)) {
				byArea.putIfAbsent(area.areaCode(), area.fee());
			}
			fees = new Fees(Map.copyOf(byArea), now);
			this.byAccount.put(account, fees);
		}
		Integer fee = fees.byArea().get(areaCode);
		if (fee == null) {
			throw new JuheSmsInvalidRequestException(operation, "areaNum",
					"'" + areaCode + "' is not among the areas of Juhe's areaCode list");
		}
		return fee;
	}

	/**
	 * The fee of one message to an area for a send: fetched when not known, unless a
	 * fetch failed within the last minute; a send never fails for want of it.
	 * @param operation the send
	 * @param account the account
	 * @param areaCode the area code
	 * @return the fee, or {@code null} when not known (Juhe does not list the area, or
	 * the list could not be fetched)
	 */
	@Nullable Integer forSend(JuheOperation operation, String account, String areaCode) {
		Integer known = knownFee(account, areaCode);
		Instant failed = this.failedAt.get(account);
		if (known != null || (failed != null && this.clock.instant().isBefore(failed.plus(RETRY_AFTER_FAILURE)))) {
			return known;
		}
		try {
			return fee(operation, account, areaCode);
		}
		catch (JuheSmsInvalidRequestException ex) {
			// Not listed: Juhe will answer for the area itself.
			return null;
		}
		catch (RuntimeException ex) {
			this.failedAt.put(account, this.clock.instant());
			logger.warn("The area fees of account '" + account + "' could not be fetched; sends to " + areaCode
					+ " take 1 unit a message from the spend caps until they are (" + ex.getMessage() + ")");
			return null;
		}
	}

	/**
	 * The fee of one message to an area if the list was fetched, without fetching it.
	 * @param account the account
	 * @param areaCode the area code
	 * @return the fee, or {@code null} when not known
	 */
	@Nullable Integer knownFee(String account, String areaCode) {
		Fees fees = this.byAccount.get(account);
		return (fees != null) ? fees.byArea().get(areaCode) : null;
	}

	/**
	 * The fees of one account's areas.
	 *
	 * @param byArea the fee by area code
	 * @param fetchedAt when they were fetched
	 */
	private record Fees(Map<String, Integer> byArea, Instant fetchedAt) {

	}

}

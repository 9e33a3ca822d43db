package io.github.juhesms.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.test.MutableClock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The caps' calendar periods in China, and the in-memory store's counting of them.
 */
class SpendCapWindowTests {

	@ParameterizedTest(name = "{0} at {1}: {2} to {3}")
	@CsvSource({ "HOURLY, 2026-11-27T00:30:00Z, 2026-11-27T00:00:00Z, 2026-11-27T01:00:00Z",
			"HOURLY, 2026-11-27T00:59:59.999Z, 2026-11-27T00:00:00Z, 2026-11-27T01:00:00Z",
			"DAILY, 2026-11-27T15:59:59.999Z, 2026-11-26T16:00:00Z, 2026-11-27T16:00:00Z",
			"DAILY, 2026-11-27T16:00:00Z, 2026-11-27T16:00:00Z, 2026-11-28T16:00:00Z",
			"MONTHLY, 2026-11-30T15:59:59Z, 2026-10-31T16:00:00Z, 2026-11-30T16:00:00Z",
			"MONTHLY, 2026-12-31T16:00:00Z, 2026-12-31T16:00:00Z, 2027-01-31T16:00:00Z",
			"MONTHLY, 2028-02-15T00:00:00Z, 2028-01-31T16:00:00Z, 2028-02-29T16:00:00Z",
			"MONTHLY, 2027-02-28T16:00:00Z, 2027-02-28T16:00:00Z, 2027-03-31T16:00:00Z" })
	void periodsAreCalendarPeriodsInChina(SpendCapWindow window, Instant now, Instant start, Instant resetsAt) {
		assertThat(window.periodStart(now)).isEqualTo(start);
		assertThat(window.resetsAt(now)).isEqualTo(resetsAt);
	}

	@Test
	void unitsGivenBackAfterTheirPeriodEndedLeaveTheNewPeriodAlone() {
		MutableClock clock = new MutableClock();
		InMemorySendLimitStore store = new InMemorySendLimitStore(10, Duration.ofDays(1), clock);
		SpendCap cap = new SpendCap(JuheProduct.SMS_API, "default", SpendCapWindow.HOURLY, null, 2);
		List<SpendCapCharge> charges = List.of(new SpendCapCharge(cap, 1));
		SendLimitStore.Acquisition first = store.acquire("a", "1", List.of(), charges);
		clock.advance(Duration.ofHours(1));
		SendLimitStore.Acquisition second = store.acquire("b", "2", List.of(), charges);
		assertThat(second.balances()).singleElement().returns(1L, SendLimitStore.CapBalance::used);
		store.release("a", "1", List.of(new SendAdmission.Spent(cap.key(), first.balances().get(0).periodStart(), 1)));
		SendLimitStore.Acquisition third = store.acquire("c", "3", List.of(), charges);
		assertThat(third.balances()).singleElement().returns(2L, SendLimitStore.CapBalance::used);
		assertThat(store.acquire("d", "4", List.of(), charges).capRefusal())
			.isEqualTo(new SendLimitStore.CapRefusal(0, 2, Instant.parse("2026-11-27T02:00:00Z")));
		store.release("c", "3", List.of(new SendAdmission.Spent(cap.key(), third.balances().get(0).periodStart(), 1)));
		assertThat(store.acquire("d", "4", List.of(), charges).isAdmitted()).isTrue();
	}

	@Test
	void capsAndChargesRefuseNonsense() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SpendCap(JuheProduct.VIDEO, "default", SpendCapWindow.DAILY, null, 0))
			.withMessage("limit must be at least 1, was 0");
		SpendCap cap = new SpendCap(JuheProduct.VIDEO, "default", SpendCapWindow.DAILY, null, 1);
		assertThatIllegalArgumentException().isThrownBy(() -> new SpendCapCharge(cap, 0))
			.withMessage("units must be at least 1, was 0");
		assertThat(cap.key()).isEqualTo("cap:video:default:all:daily");
		assertThat(new SpendCap(JuheProduct.INTERNATIONAL, "acme", SpendCapWindow.MONTHLY, "44", 1_000_000))
			.hasToString("international account acme area 44 monthly cap of 1,000,000 billed units")
			.returns("cap:international:acme:44:monthly", SpendCap::key);
	}

}

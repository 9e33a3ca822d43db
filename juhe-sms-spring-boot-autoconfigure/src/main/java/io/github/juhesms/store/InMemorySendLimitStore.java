package io.github.juhesms.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import io.github.juhesms.internal.CacheOnFirstUse;
import org.jspecify.annotations.Nullable;

/**
 * Counts sends in this process. Bounded: at most {@code maxKeys} numbers are tracked (the
 * least recently sent to are dropped first) and a key is dropped once its longest window
 * has passed, so many numbers cannot exhaust memory. Atomic per key through the cache's
 * {@code compute}; a send that takes units from spend caps checks and records its number
 * and the caps under one lock, since the caps are shared by every number. The caps'
 * counters are few (one per product, account, area and period kind) and each holds only
 * its current period.
 */
public class InMemorySendLimitStore implements SendLimitStore {

	// Built on first use (see CacheOnFirstUse).
	private final Supplier<Cache<String, List<Send>>> sends;

	private final Clock clock;

	// Guarded by itself.
	private final Map<String, Counter> caps = new HashMap<>();

	/**
	 * Create a store.
	 * @param maxKeys the most numbers tracked at once
	 * @param longestWindow the longest window of the rules, after which an idle key is
	 * dropped
	 * @param clock the clock of the windows and of the caps' periods
	 */
	public InMemorySendLimitStore(long maxKeys, Duration longestWindow, Clock clock) {
		this.sends = new CacheOnFirstUse<>(maxKeys, longestWindow);
		this.clock = clock;
	}

	@Override
	public Acquisition acquire(String key, String permitId, List<SendLimitRule> rules, List<SpendCapCharge> charges) {
		Instant now = this.clock.instant();
		if (charges.isEmpty()) {
			return new Acquisition(record(key, permitId, rules, now, null), null, List.of());
		}
		synchronized (this.caps) {
			Acquisition[] outcome = new Acquisition[1];
			SendLimitStore.Refusal refusal = record(key, permitId, rules, now, () -> {
				outcome[0] = charge(charges, now);
				return outcome[0].isAdmitted();
			});
			return (refusal != null) ? new Acquisition(refusal, null, List.of()) : outcome[0];
		}
	}

	// Checks the rules and, if they allow the send and the caps take it, records it.
	private SendLimitStore.@Nullable Refusal record(String key, String permitId, List<SendLimitRule> rules, Instant now,
			@Nullable CapCheck caps) {
		if (rules.isEmpty()) {
			// Nothing of the number to count: only the caps decide.
			if (caps != null) {
				caps.tryCharge();
			}
			return null;
		}
		long horizon = now.toEpochMilli() - SendLimitRule.longestWindow(rules, Duration.ZERO).toMillis();
		Refusal[] refusal = new Refusal[1];
		this.sends.get().asMap().compute(key, (ignored, existing) -> {
			List<Send> kept = new ArrayList<>();
			if (existing != null) {
				existing.stream().filter((send) -> send.millis() > horizon).forEach(kept::add);
			}
			refusal[0] = SlidingWindow.check(kept.stream().map(Send::millis).toList(), rules, now);
			if (refusal[0] == null && (caps == null || caps.tryCharge())) {
				kept.add(new Send(now.toEpochMilli(), permitId));
			}
			return kept;
		});
		return refusal[0];
	}

	// Takes every charge's units if every cap has room for them; called holding the lock.
	private Acquisition charge(List<SpendCapCharge> charges, Instant now) {
		List<CapBalance> balances = new ArrayList<>();
		CapRefusal refusal = null;
		for (int i = 0; i < charges.size(); i++) {
			SpendCapCharge charge = charges.get(i);
			SpendCapWindow window = charge.cap().window();
			Instant start = window.periodStart(now);
			Counter counter = this.caps.get(charge.cap().key());
			long used = (counter != null && counter.periodStart().equals(start)) ? counter.used() : 0;
			balances.add(new CapBalance(start, used, window.resetsAt(now)));
			// Of several caps without room, the one that resets last says when a send may
			// go.
			if (used + charge.units() > charge.cap().limit()
					&& (refusal == null || window.resetsAt(now).isAfter(refusal.resetsAt()))) {
				refusal = new CapRefusal(i, used, window.resetsAt(now));
			}
		}
		if (refusal != null) {
			return new Acquisition(null, refusal, balances);
		}
		List<CapBalance> after = new ArrayList<>();
		for (int i = 0; i < charges.size(); i++) {
			CapBalance before = balances.get(i);
			long used = before.used() + charges.get(i).units();
			this.caps.put(charges.get(i).cap().key(), new Counter(before.periodStart(), used));
			after.add(new CapBalance(before.periodStart(), used, before.resetsAt()));
		}
		return new Acquisition(null, null, after);
	}

	@Override
	public void release(String key, String permitId, List<SendAdmission.Spent> spent) {
		this.sends.get().asMap().computeIfPresent(key, (ignored, existing) -> {
			List<Send> kept = new ArrayList<>(existing);
			kept.removeIf((send) -> send.permitId().equals(permitId));
			return kept;
		});
		if (!spent.isEmpty()) {
			synchronized (this.caps) {
				for (SendAdmission.Spent units : spent) {
					Counter counter = this.caps.get(units.capKey());
					if (counter != null && counter.periodStart().equals(units.periodStart())) {
						this.caps.put(units.capKey(),
								new Counter(counter.periodStart(), Math.max(0, counter.used() - units.units())));
					}
				}
			}
		}
	}

	/**
	 * Numbers tracked now, after dropping those over the bound.
	 * @return the number of keys
	 */
	long trackedKeys() {
		this.sends.get().cleanUp();
		return this.sends.get().estimatedSize();
	}

	private record Send(long millis, String permitId) {

	}

	private record Counter(Instant periodStart, long used) {

	}

	@FunctionalInterface
	private interface CapCheck {

		// Whether the caps took the send's units.
		boolean tryCharge();

	}

}

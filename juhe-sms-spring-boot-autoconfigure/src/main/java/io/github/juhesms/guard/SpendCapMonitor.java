package io.github.juhesms.guard;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.juhesms.event.JuheSmsSpendCapReachedEvent;
import io.github.juhesms.store.SpendCap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Shows what each spend cap has left and raises the alert when one is reached. A gauge
 * {@value #REMAINING} per cap (tags {@code product}, {@code account}, {@code window} and
 * {@code area}, {@code all} for a product-wide cap; never a number) reads the units left
 * as of this instance's last send under the cap, and the cap's full limit once that
 * period has ended; it appears with the cap's first send. A cap reached publishes one
 * {@link JuheSmsSpendCapReachedEvent} per period on this instance.
 */
public final class SpendCapMonitor {

	/** The gauge of billed units a spend cap has left in its period. */
	public static final String REMAINING = "juhe.sms.spend-cap.remaining";

	/** Neither gauges nor events. */
	public static final SpendCapMonitor NONE = new SpendCapMonitor(null, null, Clock.systemUTC());

	private static final Log logger = LogFactory.getLog(SpendCapMonitor.class);

	private final @Nullable MeterRegistry registry;

	private final @Nullable ApplicationEventPublisher publisher;

	private final Clock clock;

	private final Map<String, Balance> balances = new ConcurrentHashMap<>();

	/**
	 * Create a monitor.
	 * @param registry where the gauges go, or {@code null} for none
	 * @param publisher where the events go, or {@code null} for none
	 * @param clock the clock that tells when a period shown has ended
	 */
	public SpendCapMonitor(@Nullable MeterRegistry registry, @Nullable ApplicationEventPublisher publisher,
			Clock clock) {
		this.registry = registry;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * What a cap's period holds after a send, or when it refused one.
	 * @param cap the cap
	 * @param periodStart when its period started
	 * @param used the units the period has used
	 * @param resetsAt when the period ends
	 * @param refused whether the cap refused the send
	 */
	void observed(SpendCap cap, Instant periodStart, long used, Instant resetsAt, boolean refused) {
		Balance balance = this.balances.get(cap.key());
		if (balance == null) {
			balance = this.balances.computeIfAbsent(cap.key(), (ignored) -> register(cap));
		}
		if (balance.update(periodStart, used, resetsAt, refused || used >= cap.limit())) {
			publish(new JuheSmsSpendCapReachedEvent(cap.product(), cap.account(), cap.window(), cap.areaCode(),
					cap.limit(), used, resetsAt));
		}
	}

	private Balance register(SpendCap cap) {
		Balance balance = new Balance(cap.limit(), this.clock);
		MeterRegistry registry = this.registry;
		if (registry != null) {
			Gauge.builder(REMAINING, balance, Balance::remaining)
				.description("Billed units a spend cap has left in its calendar period")
				.baseUnit("messages")
				.tag("product", cap.product().id())
				.tag("account", cap.account())
				.tag("window", cap.window().tagValue())
				.tag("area", (cap.areaCode() != null) ? cap.areaCode() : "all")
				.strongReference(true)
				.register(registry);
		}
		return balance;
	}

	private void publish(JuheSmsSpendCapReachedEvent event) {
		ApplicationEventPublisher publisher = this.publisher;
		if (publisher != null) {
			try {
				publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("A listener of spend cap events failed; the send's outcome is unchanged", ex);
			}
		}
	}

	@Override
	public String toString() {
		return "SpendCapMonitor[gauges=" + (this.registry != null) + ", events=" + (this.publisher != null) + "]";
	}

	/** What one cap's period held at the last send this instance made under it. */
	private static final class Balance {

		private final long limit;

		private final Clock clock;

		private long periodStart = Long.MIN_VALUE;

		private long used;

		private long resetsAt;

		private long alerted = Long.MIN_VALUE;

		Balance(long limit, Clock clock) {
			this.limit = limit;
			this.clock = clock;
		}

		// Whether this is the period's first time the cap is reached on this instance.
		synchronized boolean update(Instant periodStart, long used, Instant resetsAt, boolean reached) {
			long start = periodStart.toEpochMilli();
			if (start < this.periodStart) {
				return false;
			}
			this.periodStart = start;
			this.used = used;
			this.resetsAt = resetsAt.toEpochMilli();
			if (reached && this.alerted != start) {
				this.alerted = start;
				return true;
			}
			return false;
		}

		synchronized double remaining() {
			if (this.periodStart == Long.MIN_VALUE || this.clock.millis() >= this.resetsAt) {
				return this.limit;
			}
			return Math.max(0, this.limit - this.used);
		}

	}

}

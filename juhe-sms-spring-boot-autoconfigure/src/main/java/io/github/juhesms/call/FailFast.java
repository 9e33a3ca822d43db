package io.github.juhesms.call;

import java.time.Clock;
import java.time.Instant;

import io.github.juhesms.error.JuheSmsApiException;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the last answer of a product that starts a cool-down, and until when calls
 * are refused.
 */
final class FailFast {

	private final FailFastSettings settings;

	private final Clock clock;

	private volatile @Nullable Tripped tripped;

	FailFast(FailFastSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The answer that calls must fail with now, if a cool-down is running.
	 * @return the tripping answer, or {@code null} to call Juhe
	 */
	@Nullable Tripped current() {
		Tripped current = this.tripped;
		return (current != null && this.clock.instant().isBefore(current.until())) ? current : null;
	}

	void record(JuheSmsApiException answer) {
		if (this.settings.codes().contains(answer.getErrorCode()) && !this.settings.cooldown().isZero()) {
			this.tripped = new Tripped(answer.getErrorCode(), answer.getReason(),
					this.clock.instant().plus(this.settings.cooldown()));
		}
	}

	/**
	 * The answer that started a cool-down.
	 *
	 * @param code Juhe's error code
	 * @param reason Juhe's reason
	 * @param until when calls go to Juhe again
	 */
	record Tripped(int code, String reason, Instant until) {

	}

}

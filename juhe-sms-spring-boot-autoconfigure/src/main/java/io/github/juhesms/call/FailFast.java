package io.github.juhesms.call;

import java.time.Clock;

import io.github.juhesms.error.JuheSmsApiException;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the last answer of a product that starts a cool-down, and until when calls
 * are refused.
 */
final class FailFast {

	private final FailFastSettings settings;

	private final Clock clock;

	private volatile @Nullable CoolDown coolDown;

	FailFast(FailFastSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The answer that calls must fail with now, if a cool-down is running.
	 * @return the tripping answer, or {@code null} to call Juhe
	 */
	@Nullable CoolDown current() {
		CoolDown current = this.coolDown;
		return (current != null && this.clock.instant().isBefore(current.until())) ? current : null;
	}

	void record(JuheSmsApiException answer) {
		if (this.settings.codes().contains(answer.getErrorCode()) && !this.settings.cooldown().isZero()) {
			this.coolDown = new CoolDown(answer.getErrorCode(), answer.getReason(),
					this.clock.instant().plus(this.settings.cooldown()));
		}
	}

}

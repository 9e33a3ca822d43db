package io.github.juhesms.call;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;

import org.springframework.util.Assert;

/**
 * The hours of the day, in China's time zone, in which a kind of message may be sent:
 * from {@code start} (included) to {@code end} (excluded), so a window of 09:00-18:00
 * admits 17:59:59 and refuses 18:00. Read on the clock of the product's calls, whatever
 * the JVM's default zone.
 *
 * @param start the first time of day a send is allowed
 * @param end the first time of day, after {@code start}, a send is refused again
 * @param property the property prefix of the window, e.g.
 * {@code juhe.sms.video.send-window}, named by a refusal
 */
public record SendWindow(LocalTime start, LocalTime end, String property) {

	/** China's time zone, the one Juhe's documents give send hours in. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	/**
	 * Create a window that ends after it starts (a window past midnight is not one the
	 * documents ask for).
	 * @param start the first time of day a send is allowed
	 * @param end the first time of day a send is refused again
	 * @param property the property prefix of the window
	 */
	public SendWindow {
		Assert.isTrue(start.isBefore(end), "the end of a send window must be after its start");
	}

	/**
	 * Refuse a send outside the window, before anything is sent.
	 * @param operation the send operation
	 * @param field the request field the refusal names
	 * @param what what is limited to the window, e.g. {@code video SMS}
	 * @param clock the clock of the product's calls
	 * @throws JuheSmsInvalidRequestException if the time in China is outside the window
	 */
	public void check(JuheOperation operation, String field, String what, Clock clock) {
		LocalTime now = LocalTime.ofInstant(clock.instant(), CHINA);
		if (now.isBefore(this.start) || !now.isBefore(this.end)) {
			throw new JuheSmsInvalidRequestException(operation, field,
					what + " is sent only from " + this.start + " to " + this.end
							+ " China time (Asia/Shanghai, the end excluded; " + this.property + ") and it is "
							+ TIME.format(now) + " there; " + this.property + ".enabled=false turns the rule off");
		}
	}

}

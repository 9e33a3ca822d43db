package io.github.juhesms.store;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The period a spend cap counts billed units in: a calendar hour, day or month in China's
 * time zone ({@code Asia/Shanghai}, UTC+8 without daylight saving since 1991), the
 * periods Juhe bills and reports by. A cap starts afresh at the period's end, which is
 * when its refusal says it resets. Calendar periods rather than sliding windows: "100 a
 * day" then means what a bill means, and the store keeps one counter per cap instead of a
 * log of every send.
 */
public enum SpendCapWindow {

	/** A calendar hour ({@code 10:00} to {@code 11:00}). */
	HOURLY,

	/** A calendar day in China ({@code 00:00} to {@code 00:00} UTC+8). */
	DAILY,

	/** A calendar month in China (the 1st {@code 00:00} UTC+8 to the next 1st). */
	MONTHLY;

	/** China's time zone, the one the periods are calendar periods of. */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	// Computed once: tags and messages read it on every refusal.
	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * When the period that holds an instant started.
	 * @param now the instant
	 * @return the start of its hour, day or month in China
	 */
	public Instant periodStart(Instant now) {
		ZonedDateTime local = now.atZone(CHINA);
		return switch (this) {
			case HOURLY -> local.truncatedTo(ChronoUnit.HOURS).toInstant();
			case DAILY -> local.truncatedTo(ChronoUnit.DAYS).toInstant();
			case MONTHLY -> local.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).toInstant();
		};
	}

	/**
	 * When the period that holds an instant ends and the cap starts afresh.
	 * @param now the instant
	 * @return the start of the next hour, day or month in China
	 */
	public Instant resetsAt(Instant now) {
		ZonedDateTime start = periodStart(now).atZone(CHINA);
		return switch (this) {
			case HOURLY -> start.plusHours(1).toInstant();
			case DAILY -> start.plusDays(1).toInstant();
			case MONTHLY -> start.plusMonths(1).toInstant();
		};
	}

	/**
	 * The lower-case name, as tags and property names write it.
	 * @return {@code hourly}, {@code daily} or {@code monthly}
	 */
	public String tagValue() {
		return this.tagValue;
	}

}

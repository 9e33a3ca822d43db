package io.github.juhesms.call;

import java.time.Duration;
import java.util.Set;

/**
 * Answers that will not change by retrying soon (a bad, expired or banned key, a banned
 * IP, an API under maintenance or stopped): after one of them the product refuses calls,
 * without HTTP, for the cool-down, then tries Juhe again.
 *
 * @param codes the error codes that start a cool-down
 * @param cooldown how long calls are refused
 */
public record FailFastSettings(Set<Integer> codes, Duration cooldown) {

	/**
	 * The codes of the issue: 10001 bad key, 10003 key expired, 10008 IP banned, 10009
	 * key banned, 10020 maintenance, 10021 stopped.
	 */
	public static final Set<Integer> DEFAULT_CODES = Set.of(10001, 10003, 10008, 10009, 10020, 10021);

	/**
	 * The defaults of the builder and of the {@code juhe.sms.fail-fast.*} properties: the
	 * codes above, 30 s of cool-down.
	 */
	public static final FailFastSettings DEFAULTS = new FailFastSettings(DEFAULT_CODES, Duration.ofSeconds(30));

	/**
	 * Create fail-fast settings.
	 * @param codes the error codes that start a cool-down
	 * @param cooldown how long calls are refused
	 */
	public FailFastSettings {
		codes = Set.copyOf(codes);
	}

	/**
	 * Never fail fast.
	 * @return settings with no codes
	 */
	public static FailFastSettings disabled() {
		return new FailFastSettings(Set.of(), Duration.ZERO);
	}

}

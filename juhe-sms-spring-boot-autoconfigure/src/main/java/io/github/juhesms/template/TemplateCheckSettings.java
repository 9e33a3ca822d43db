package io.github.juhesms.template;

import java.time.Duration;

/**
 * How one product checks sends against its templates.
 *
 * @param enabled whether sends are checked at all
 * @param refreshInterval how long a fetched template list is used before it is fetched
 * again
 * @param recheckInterval how soon after the last fetch a send with an unknown or unusable
 * template fetches the list again (it may have been approved since); zero for every such
 * send
 * @param requireList whether a send is refused when the template list cannot be fetched,
 * instead of going out unchecked
 */
public record TemplateCheckSettings(boolean enabled, Duration refreshInterval, Duration recheckInterval,
		boolean requireList) {

	/**
	 * Checked, lists kept ten minutes and fetched again for an unknown or unusable
	 * template at most once a minute, unchecked sends allowed when a list is missing.
	 */
	public static final TemplateCheckSettings DEFAULTS = new TemplateCheckSettings(true, Duration.ofMinutes(10),
			Duration.ofMinutes(1), false);

	/** Nothing checked. */
	public static final TemplateCheckSettings OFF = new TemplateCheckSettings(false, DEFAULTS.refreshInterval(),
			DEFAULTS.recheckInterval(), false);

}

package io.github.juhesms.test.fake;

import java.util.List;

/**
 * Which requests an injected fault hits: one {@link JuheEndpoint}, {@link #anyEndpoint()
 * any endpoint}, or the requests for {@link #mobile(String) one mobile}.
 */
@FunctionalInterface
public interface FaultTarget {

	/**
	 * Whether a request is hit.
	 * @param endpoint the endpoint called
	 * @param mobiles the numbers in the request ({@code mobile}, {@code mobiles}, and for
	 * International SMS also the area code followed by the number); empty when it has
	 * none
	 * @return {@code true} to apply the fault to this request
	 */
	boolean matches(JuheEndpoint endpoint, List<String> mobiles);

	/**
	 * Every request, whatever its endpoint.
	 * @return the target
	 */
	static FaultTarget anyEndpoint() {
		return (endpoint, mobiles) -> true;
	}

	/**
	 * Requests that carry a number, on any endpoint: a send to it, or a grouping that
	 * includes it.
	 * @param mobile the number as sent, e.g. {@code 13800138000}; for International SMS
	 * either the number alone or preceded by its area code
	 * @return the target
	 */
	static FaultTarget mobile(String mobile) {
		return (endpoint, mobiles) -> mobiles.contains(mobile);
	}

}

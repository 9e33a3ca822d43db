package io.github.juhesms.call;

import java.time.Instant;

/**
 * A product's fail-fast cool-down: the answer that started it (a banned or expired key,
 * maintenance) and until when calls are refused without a request.
 *
 * @param code Juhe's error code
 * @param reason Juhe's reason, phone numbers masked
 * @param until when calls go to Juhe again
 */
public record CoolDown(int code, String reason, Instant until) {

}

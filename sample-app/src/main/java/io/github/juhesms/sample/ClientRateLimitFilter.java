package io.github.juhesms.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A token bucket per client (its remote address) in front of the protected endpoints; a
 * client over its rate gets 429 with {@code Retry-After}. The buckets are bounded in
 * number, so a flood of addresses cannot fill the heap.
 */
class ClientRateLimitFilter extends OncePerRequestFilter {

	private final int requests;

	private final Duration period;

	private final Cache<String, Bucket> buckets;

	ClientRateLimitFilter(int requests, Duration period) {
		this.requests = requests;
		this.period = period;
		this.buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(period).build();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = this.buckets.get(request.getRemoteAddr(), (client) -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
			Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this client: at most "
					+ this.requests + " per " + this.period.toSeconds() + " s");
			return;
		}
		chain.doFilter(request, response);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((limit) -> limit.capacity(this.requests).refillGreedy(this.requests, this.period))
			.build();
	}

}

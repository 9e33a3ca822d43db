package io.github.juhesms.sample;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * How the sample protects its send and code endpoints, which cost money and reach people
 * when anyone on the network can call them.
 */
@ConfigurationProperties("sample")
public class SampleProperties implements Validator {

	/** The fewest characters an API token may have. */
	static final int MIN_TOKEN_LENGTH = 16;

	/**
	 * The token every request to /sms, /codes and /demo must carry as "Authorization:
	 * Bearer <token>"; at least 16 characters. Required: the demo profile sets
	 * "demo-token".
	 */
	private @Nullable String apiToken;

	/**
	 * Requests one client (remote address) may make to the protected endpoints per
	 * period; more are answered 429.
	 */
	private int rateLimitRequests = 30;

	/**
	 * The period of the per-client rate limit.
	 */
	private Duration rateLimitPeriod = Duration.ofMinutes(1);

	/**
	 * The most numbers one financial request may name.
	 */
	private int maxNumbersPerRequest = 100;

	public @Nullable String getApiToken() {
		return this.apiToken;
	}

	public void setApiToken(@Nullable String apiToken) {
		this.apiToken = apiToken;
	}

	public int getRateLimitRequests() {
		return this.rateLimitRequests;
	}

	public void setRateLimitRequests(int rateLimitRequests) {
		this.rateLimitRequests = rateLimitRequests;
	}

	public Duration getRateLimitPeriod() {
		return this.rateLimitPeriod;
	}

	public void setRateLimitPeriod(Duration rateLimitPeriod) {
		this.rateLimitPeriod = rateLimitPeriod;
	}

	public int getMaxNumbersPerRequest() {
		return this.maxNumbersPerRequest;
	}

	public void setMaxNumbersPerRequest(int maxNumbersPerRequest) {
		this.maxNumbersPerRequest = maxNumbersPerRequest;
	}

	@Override
	public boolean supports(Class<?> type) {
		return SampleProperties.class.isAssignableFrom(type);
	}

	// The token is rejected as a whole, never as a field: the failure report would print
	// its value.
	@Override
	public void validate(Object target, Errors errors) {
		SampleProperties properties = (SampleProperties) target;
		String token = properties.getApiToken();
		if (token == null || token.isBlank()) {
			errors.reject("sample.invalid", "sample.api-token is required: the send and code endpoints cost money "
					+ "and reach people; set SAMPLE_API_TOKEN, or run the demo profile");
		}
		else if (token.length() < MIN_TOKEN_LENGTH && !token.equals(DemoModeEnvironmentPostProcessor.DEMO_TOKEN)) {
			errors.reject("sample.invalid", "sample.api-token must have at least " + MIN_TOKEN_LENGTH
					+ " characters (had " + token.length() + ")");
		}
		if (properties.getRateLimitRequests() < 1) {
			errors.rejectValue("rateLimitRequests", "sample.invalid", "must be at least 1");
		}
		if (properties.getRateLimitPeriod() == null || properties.getRateLimitPeriod().isNegative()
				|| properties.getRateLimitPeriod().isZero()) {
			errors.rejectValue("rateLimitPeriod", "sample.invalid", "must be longer than 0");
		}
		if (properties.getMaxNumbersPerRequest() < 1) {
			errors.rejectValue("maxNumbersPerRequest", "sample.invalid", "must be at least 1");
		}
	}

}

package io.github.juhesms.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Callback to customize the {@link RestClient.Builder} of the Juhe clients (interceptors,
 * request factory, default headers) after the starter has set the base URL and timeouts.
 * The base URL comes from {@code juhe.sms.base-url}: the builder's {@code baseUrl} is not
 * used.
 */
@FunctionalInterface
public interface JuheSmsRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the Juhe clients' {@link RestClient}
	 */
	void customize(RestClient.Builder builder);

}

package io.github.juhesms.test;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

/**
 * An HTTP client Boot can put under the starter's {@code RestClient}, selected with
 * {@code spring.http.clients.imperative.factory}, and how to recognize it: the request
 * factory type and the {@code User-Agent} the library sends.
 */
public enum HttpClientKind {

	/**
	 * The JDK's {@code java.net.http.HttpClient}, Boot's default when no other library is
	 * present.
	 */
	JDK("jdk", JdkClientHttpRequestFactory.class, "Java-http-client/"),

	/** Apache HttpClient 5, which Boot picks when it is on the classpath. */
	HTTP_COMPONENTS("http-components", HttpComponentsClientHttpRequestFactory.class, "Apache-HttpClient/"),

	/** The JDK's old {@code HttpURLConnection}. */
	SIMPLE("simple", SimpleClientHttpRequestFactory.class, "Java/");

	private final String property;

	private final Class<? extends ClientHttpRequestFactory> requestFactoryType;

	private final String userAgentPrefix;

	HttpClientKind(String property, Class<? extends ClientHttpRequestFactory> requestFactoryType,
			String userAgentPrefix) {
		this.property = property;
		this.requestFactoryType = requestFactoryType;
		this.userAgentPrefix = userAgentPrefix;
	}

	/**
	 * The property that selects this client.
	 * @return {@code spring.http.clients.imperative.factory=...}
	 */
	public String property() {
		return "spring.http.clients.imperative.factory=" + this.property;
	}

	/**
	 * The request factory Spring uses for this client.
	 * @return the type
	 */
	public Class<? extends ClientHttpRequestFactory> requestFactoryType() {
		return this.requestFactoryType;
	}

	/**
	 * The start of the {@code User-Agent} header this client sends.
	 * @return the prefix
	 */
	public String userAgentPrefix() {
		return this.userAgentPrefix;
	}

	@Override
	public String toString() {
		return this.property;
	}

}

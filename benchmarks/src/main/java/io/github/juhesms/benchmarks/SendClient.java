package io.github.juhesms.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.juhesms.autoconfigure.JuheSmsProperties;
import io.github.juhesms.observation.DefaultJuheSmsObservationConvention;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiResult;
import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationRegistryCustomizer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The clients compared, each doing the same work: a form POST of an SMS API send with
 * template variables, then parse the envelope and read sid and fee.
 */
interface SendClient extends AutoCloseable {

	String KEY = "bench-key-0123456789abcdef0123456789";

	String MOBILE = "13812345678";

	/**
	 * Pooled connections of the Apache clients: the starter's default
	 * {@code juhe.sms.max-connections}.
	 */
	int CONNECTIONS = new JuheSmsProperties().getMaxConnections();

	Map<String, String> VARIABLES = Map.of("code", "123456", "name", "张三");

	JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Make one send.
	 * @return what the answer says
	 * @throws Exception if the call failed
	 */
	Receipt send() throws Exception;

	/**
	 * Call from this one thread for a while, so the JIT compiles the call path before the
	 * measured threads start: with 16 callers and the stub on two cores, the compiler
	 * threads get so little CPU that the Spring-based clients were still speeding up
	 * after 40 s of 16-thread warm-up.
	 * @param seconds how long
	 * @throws Exception if a call fails
	 */
	default void compileWarmUp(long seconds) throws Exception {
		long until = System.nanoTime() + seconds * 1_000_000_000L;
		while (System.nanoTime() < until) {
			send();
		}
	}

	@Override
	default void close() throws Exception {
	}

	/**
	 * Create a client by name.
	 * @param name the client, e.g. {@code starter-http-components}
	 * @param baseUrl the stub's URL
	 * @return the client
	 */
	static SendClient create(String name, String baseUrl) {
		return switch (name) {
			case "starter-jdk" -> new Starter(baseUrl, "jdk");
			case "starter-http-components" -> new Starter(baseUrl, "http-components");
			case "restclient-jdk" -> new HandWrittenRestClient(baseUrl, "jdk");
			case "restclient-http-components" -> new HandWrittenRestClient(baseUrl, "http-components");
			case "starter-in-memory" -> new Starter(baseUrl, "in-memory");
			case "starter-http-components-unobserved" -> new Starter(baseUrl, "http-components", Unobserved.class);
			case "restclient-in-memory" -> new HandWrittenRestClient(baseUrl, "in-memory");
			case "raw-jdk-httpclient" -> new RawJdk(baseUrl);
			case "raw-apache-httpclient5" -> new RawApache(baseUrl);
			case "urlconnection-query" -> new UrlConnectionQuery(baseUrl);
			default -> throw new IllegalArgumentException("Unknown client " + name);
		};
	}

	private static Receipt read(byte[] body) {
		JsonNode root = JSON.readTree(body);
		if (root.path("error_code").asInt(-1) != 0) {
			throw new IllegalStateException("Juhe answered " + root);
		}
		JsonNode result = root.path("result");
		return new Receipt(result.path("sid").asString(), result.path("fee").asInt());
	}

	private static String form() {
		return "key=" + encode(KEY) + "&mobile=" + MOBILE + "&tpl_id=12&vars="
				+ encode(JSON.writeValueAsString(VARIABLES));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * A minimal application with the starter, on the HTTP client Boot is told to use, or
	 * on the in-memory transport for {@code in-memory}.
	 */
	private static ConfigurableApplicationContext application(String baseUrl, String factory, Class<?>... sources) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "juhe.sms.base-url=" + baseUrl, "juhe.sms.key=" + KEY,
					"logging.level.root=warn",
					// One number is sent to millions of times: the per-number limits
					// would refuse it.
					"juhe.sms.limits.enabled=false")
			.sources(sources);
		if (factory.equals("in-memory")) {
			application.sources(InMemoryJuhe.Transport.class);
		}
		else {
			application.properties("spring.http.clients.imperative.factory=" + factory);
		}
		return application.run();
	}

	/**
	 * The starter's bean, configured as a user would: Boot's builder, observations on,
	 * retry enabled.
	 */
	final class Starter implements SendClient {

		private final ConfigurableApplicationContext context;

		private final SmsApiClient client;

		private final SmsApiRequest request = SmsApiRequest.of(MOBILE, 12, VARIABLES);

		Starter(String baseUrl, String factory, Class<?>... sources) {
			this.context = application(baseUrl, factory, sources);
			this.client = this.context.getBean(SmsApiClient.class);
		}

		@Override
		public Receipt send() {
			SmsApiResult result = this.client.send(this.request);
			return new Receipt(result.sid(), result.fee());
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/**
	 * What a Spring user writes without the starter: a RestClient from Boot's builder,
	 * same transport.
	 */
	final class HandWrittenRestClient implements SendClient {

		private final ConfigurableApplicationContext context;

		private final RestClient restClient;

		HandWrittenRestClient(String baseUrl, String factory) {
			this.context = application(baseUrl, factory);
			RestClient.Builder builder = this.context.getBean(RestClient.Builder.class).baseUrl(baseUrl);
			if (factory.equals("in-memory")) {
				builder.requestFactory(new InMemoryJuhe());
			}
			else if (factory.equals("http-components")) {
				// The same pool and timeouts as the starter's, so the comparison is of
				// the code above the transport.
				JuheSmsProperties starterDefaults = new JuheSmsProperties();
				builder.requestFactory(ClientHttpRequestFactoryBuilder.httpComponents()
					.withConnectionManagerCustomizer(
							(manager) -> manager.setMaxConnPerRoute(CONNECTIONS).setMaxConnTotal(CONNECTIONS))
					.build(HttpClientSettings.defaults()
						.withTimeouts(starterDefaults.getConnectTimeout(), starterDefaults.getReadTimeout())));
			}
			this.restClient = builder.build();
		}

		@Override
		public Receipt send() {
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("key", KEY);
			form.add("mobile", MOBILE);
			form.add("tpl_id", "12");
			form.add("vars", JSON.writeValueAsString(VARIABLES));
			byte[] body = this.restClient.post()
				.uri("/sms/send")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(form)
				.retrieve()
				.body(byte[].class);
			return read(body);
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/** The JDK's HttpClient, reused, with a hand-built form body and Jackson. */
	final class RawJdk implements SendClient {

		private final HttpClient client = HttpClient.newHttpClient();

		private final URI uri;

		RawJdk(String baseUrl) {
			this.uri = URI.create(baseUrl + "/sms/send");
		}

		@Override
		public Receipt send() throws Exception {
			HttpRequest request = HttpRequest.newBuilder(this.uri)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form()))
				.build();
			try {
				return read(this.client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
			}
			catch (IOException ex) {
				// "header parser received no bytes": the POST went out on a connection
				// the server had closed. Resent here only to keep the measurement going;
				// for a billed send this is exactly the resend that must not happen (the
				// starter reports an unknown outcome).
				return read(this.client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
			}
		}

	}

	/**
	 * Apache HttpClient 5 with a pooled connection manager, reused, with a hand-built
	 * form body and Jackson.
	 */
	final class RawApache implements SendClient {

		private final CloseableHttpClient client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(CONNECTIONS)
				.setMaxConnPerRoute(CONNECTIONS)
				.build())
			.build();

		private final String uri;

		RawApache(String baseUrl) {
			this.uri = baseUrl + "/sms/send";
		}

		@Override
		public Receipt send() throws IOException {
			HttpPost post = new HttpPost(this.uri);
			post.setEntity(new ByteArrayEntity(form().getBytes(StandardCharsets.US_ASCII),
					ContentType.APPLICATION_FORM_URLENCODED));
			return this.client.execute(post, (response) -> read(EntityUtils.toByteArray(response.getEntity())));
		}

		@Override
		public void close() throws IOException {
			this.client.close();
		}

	}

	/**
	 * What many users copy from vendor samples: HttpURLConnection per call, parameters
	 * (key too) in the query.
	 */
	final class UrlConnectionQuery implements SendClient {

		private final String baseUrl;

		UrlConnectionQuery(String baseUrl) {
			this.baseUrl = baseUrl;
		}

		@Override
		public Receipt send() throws IOException {
			HttpURLConnection connection = (HttpURLConnection) URI.create(this.baseUrl + "/sms/send?" + form())
				.toURL()
				.openConnection();
			connection.setRequestMethod("POST");
			try (InputStream in = connection.getInputStream()) {
				ByteArrayOutputStream body = new ByteArrayOutputStream(256);
				in.transferTo(body);
				return read(body.toByteArray());
			}
		}

	}

	/**
	 * Turns the starter's own {@code juhe.sms.client.requests} observation off, as an
	 * application would with an observation predicate, to measure what it costs. Not a
	 * {@code @Configuration}, for the reason of {@link InMemoryJuhe.Transport}.
	 */
	class Unobserved {

		@Bean
		ObservationRegistryCustomizer<ObservationRegistry> withoutJuheObservation() {
			return (registry) -> registry.observationConfig()
				.observationPredicate((name, context) -> !DefaultJuheSmsObservationConvention.NAME.equals(name));
		}

	}

}

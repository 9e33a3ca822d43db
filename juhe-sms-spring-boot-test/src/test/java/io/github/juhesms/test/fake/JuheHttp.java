package io.github.juhesms.test.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP calls to a {@link FakeJuheServer}, as any client of Juhe would make them: a
 * form POST or a GET with query parameters.
 */
final class JuheHttp {

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final FakeJuheServer server;

	JuheHttp(FakeJuheServer server) {
		this.server = server;
	}

	/**
	 * Post a form with the default account's key of the endpoint's product first.
	 * @param endpoint the endpoint
	 * @param parameters the other parameters, in order
	 * @return the parsed answer
	 */
	JsonNode post(JuheEndpoint endpoint, String... parameters) {
		return post(FakeJuheServer.DEFAULT_ACCOUNT, endpoint, parameters);
	}

	/**
	 * Post a form with an account's key of the endpoint's product first.
	 * @param account the account
	 * @param endpoint the endpoint
	 * @param parameters the other parameters, in order
	 * @return the parsed answer
	 */
	JsonNode post(String account, JuheEndpoint endpoint, String... parameters) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("key", this.server.key(account, endpoint.product()));
		form.putAll(pairs(parameters));
		return postForm(endpoint, form);
	}

	/**
	 * Post a form exactly as given, key included or not.
	 * @param endpoint the endpoint
	 * @param form the parameters
	 * @return the parsed answer
	 */
	JsonNode postForm(JuheEndpoint endpoint, Map<String, String> form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.server.baseUrl() + endpoint.path()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		return MAPPER.readTree(send(request).body());
	}

	/**
	 * A GET with the key and the parameters in the query.
	 * @param endpoint the endpoint
	 * @param parameters the other parameters, in order
	 * @return the parsed answer
	 */
	JsonNode get(JuheEndpoint endpoint, String... parameters) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("key", this.server.key(endpoint.product()));
		query.putAll(pairs(parameters));
		return MAPPER.readTree(get(endpoint.path() + "?" + encode(query)).body());
	}

	HttpResponse<String> get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(this.server.baseUrl() + pathAndQuery)).GET().build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> pairs(String... parameters) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (int i = 0; i < parameters.length; i += 2) {
			pairs.put(parameters[i], parameters[i + 1]);
		}
		return pairs;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}

package io.github.juhesms.test;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.util.UriComponentsBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of tests that call a real HTTP server: WireMock on a random port, and an
 * application context built by the starter's auto-configuration pointed at it.
 */
public abstract class JuheWireMockTests {

	/** The key every test context uses. */
	protected static final String KEY = "test-key-0123456789abcdef";

	/** Properties that turn every product's template checks off. */
	public static final String[] NO_TEMPLATE_CHECKS = { "juhe.sms.international.template-check.enabled=false",
			"juhe.sms.financial.template-check.enabled=false",
			"juhe.sms.verification-code.template-check.enabled=false", "juhe.sms.video.template-check.enabled=false" };

	protected static WireMockServer wireMock;

	@BeforeAll
	static void startWireMock() {
		wireMock = new WireMockServer(options().dynamicPort());
		wireMock.start();
	}

	@AfterAll
	static void stopWireMock() {
		wireMock.stop();
	}

	@BeforeEach
	void resetWireMock() {
		wireMock.resetAll();
	}

	/**
	 * A context runner with Boot's HTTP client and RestClient auto-configuration and the
	 * starter, pointed at WireMock, with a shared key and fast retries. Per-number send
	 * limits are off, since most tests send to one number many times, and so are video
	 * SMS's send hours, since the suite runs at any hour; template checks are off too,
	 * since most tests stub the send alone. The tests of those rules turn them on.
	 * @return the runner
	 */
	protected ApplicationContextRunner contextRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					JuheSmsAutoConfiguration.class))
			.withPropertyValues("juhe.sms.base-url=" + wireMock.baseUrl(), "juhe.sms.key=" + KEY,
					"juhe.sms.retry.initial-interval=10ms", "juhe.sms.retry.jitter=0ms",
					"juhe.sms.limits.enabled=false", "juhe.sms.video.send-window.enabled=false")
			.withPropertyValues(NO_TEMPLATE_CHECKS);
	}

	/**
	 * Answer a path with a JSON body.
	 * @param path the path
	 * @param json the body
	 */
	protected static void answer(String path, String json) {
		wireMock.stubFor(post(urlPathEqualTo(path)).willReturn(json(json)));
	}

	/**
	 * A JSON answer sent as text/html, as Juhe sometimes does.
	 * @param json the body
	 * @return the response definition
	 */
	protected static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String json) {
		return aResponse().withStatus(200).withHeader("Content-Type", "text/html;charset=utf-8").withBody(json);
	}

	/**
	 * Stub a path with a scenario: the given answers in order, the last one repeated.
	 * @param path the path
	 * @param answers the JSON bodies
	 */
	protected static void answerInTurn(String path, String... answers) {
		for (int i = 0; i < answers.length; i++) {
			ScenarioMappingBuilder mapping = post(urlPathEqualTo(path)).inScenario(path)
				.whenScenarioStateIs((i == 0) ? "Started" : "answer-" + i)
				.willReturn(json(answers[i]));
			if (i < answers.length - 1) {
				mapping = mapping.willSetStateTo("answer-" + (i + 1));
			}
			wireMock.stubFor(mapping);
		}
	}

	/**
	 * The requests a path received, after checking that none carried a query string or
	 * the key in its URL.
	 * @param path the path
	 * @return the requests
	 */
	protected static List<LoggedRequest> requestsTo(String path) {
		List<LoggedRequest> requests = wireMock.findAll(postRequestedFor(urlPathEqualTo(path)));
		assertThat(requests).allSatisfy((request) -> {
			assertThat(request.getUrl()).isEqualTo(path);
			assertThat(request.getUrl()).doesNotContain(KEY);
			assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
		});
		return requests;
	}

	/**
	 * The form parameters of a request, decoded once.
	 * @param request the request
	 * @return the parameters in order
	 */
	protected static Map<String, String> form(LoggedRequest request) {
		Map<String, String> form = new java.util.LinkedHashMap<>();
		UriComponentsBuilder.fromUriString("?" + request.getBodyAsString())
			.build()
			.getQueryParams()
			.forEach((name, values) -> form.put(name,
					java.net.URLDecoder.decode(values.get(0), java.nio.charset.StandardCharsets.UTF_8)));
		return form;
	}

	/**
	 * The verification code in the {@code tplValue} of the last request to a path.
	 * @param path the send path, such as {@code /vercodesms/send}
	 * @return the code
	 */
	protected static String lastCodeSentTo(String path) {
		List<LoggedRequest> requests = requestsTo(path);
		String variables = form(requests.get(requests.size() - 1)).get("tplValue");
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("#code#=([0-9]+)").matcher(variables);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	/**
	 * The form parameters of the only request a path received.
	 * @param path the path
	 * @return the parameters in order
	 */
	protected static Map<String, String> onlyFormSentTo(String path) {
		List<LoggedRequest> requests = requestsTo(path);
		assertThat(requests).hasSize(1);
		return form(requests.get(0));
	}

}

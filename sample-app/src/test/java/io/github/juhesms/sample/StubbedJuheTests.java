package io.github.juhesms.sample;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Base of the tests that run the sample app on a random port against a stubbed Juhe
 * (WireMock), so with a key and not in demo mode. One stub server for all of them, reset
 * before each test, as Spring shares their one application context.
 */
// The key is a test property, not a dynamic one: demo mode is decided before dynamic
// properties exist. Video SMS's send hours are off: the tests run at any hour.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "juhe.sms.key=sample-key", "sample.api-token=" + StubbedJuheTests.TOKEN,
				"sample.rate-limit-requests=100000", "juhe.sms.video.send-window.enabled=false" })
abstract class StubbedJuheTests {

	static final String TOKEN = "stubbed-juhe-test-token";

	static final WireMockServer juhe = new WireMockServer(options().dynamicPort());

	@DynamicPropertySource
	static void pointAtWireMock(DynamicPropertyRegistry registry) {
		registry.add("juhe.sms.base-url", StubbedJuheTests::startedJuhe);
	}

	// Started when a context first reads the base URL, not when the class loads: the
	// ahead-of-time processing of the tests (process-test-aot) loads it too, and its JVM
	// would not end while WireMock's threads run.
	private static synchronized String startedJuhe() {
		if (!juhe.isRunning()) {
			juhe.start();
			Runtime.getRuntime().addShutdownHook(new Thread(juhe::stop));
		}
		return juhe.baseUrl();
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void resetJuhe() {
		juhe.resetAll();
	}

	/**
	 * A client of the sample app that hands back every status.
	 * @return the client
	 */
	RestClient client() {
		return RestClient.builder()
			// Apache HttpClient's default retry strategy would wait out a 429's
			// Retry-After and resend.
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", "Bearer " + TOKEN)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	ResponseEntity<String> postJson(String path, Object body) {
		return client().post().uri(path).body(body).retrieve().toEntity(String.class);
	}

}

package io.github.juhesms.sample;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

// The key is a test property, not a dynamic one: demo mode is decided before dynamic properties exist.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "juhe.sms.key=sample-key")
class SampleApplicationTests {

	static final WireMockServer juhe = new WireMockServer(options().dynamicPort());

	static {
		juhe.start();
	}

	@DynamicPropertySource
	static void pointAtWireMock(DynamicPropertyRegistry registry) {
		registry.add("juhe.sms.base-url", juhe::baseUrl);
	}

	@AfterAll
	static void stop() {
		juhe.stop();
	}

	@LocalServerPort
	int port;

	private ResponseEntity<String> postJson(String path, Object body) {
		return client().post().uri(path).body(body).retrieve().toEntity(String.class);
	}

	private RestClient client() {
		return RestClient.builder()
			// Apache HttpClient's default retry strategy would wait out a 429's Retry-After and resend.
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	@Test
	void sendsAnInternationalSmsThroughTheStarter() {
		juhe.stubFor(post(urlEqualTo("/smsInternational/send")).willReturn(aResponse()
			.withBody("{\"reason\":\"操作成功\",\"result\":{\"sid\":\"20190326142208\",\"fee\":1},\"error_code\":0}")));
		ResponseEntity<String> response = postJson("/sms/international", Map.of("areaCode", "44", "mobile",
				"7911123456", "templateId", 12, "variables", Map.of("code", "1234")));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"sid\":\"20190326142208\",\"fee\":1}");
		juhe.verify(postRequestedFor(urlEqualTo("/smsInternational/send"))
			.withFormParam("key", equalTo("sample-key"))
			.withFormParam("tplValue", equalTo("#code#=1234")));
	}

	@Test
	void withAKeyThereIsNoDemoOutbox() {
		ResponseEntity<String> response = client().get().uri("/demo/outbox").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).contains("demo mode is off");
	}

	@Test
	void withoutACodeTemplateTheCodesAreUnavailableAndSaySo() {
		ResponseEntity<String> response = postJson("/codes/send", Map.of("purpose", "login", "mobile", "13812345678"));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(response.getBody()).contains("juhe.sms.codes.template-id");
	}

	@Test
	void badInputBecomesABadRequestNamingTheField() {
		ResponseEntity<String> response = postJson("/sms/international",
				Map.of("areaCode", "44", "mobile", "79x", "templateId", 12));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody()).contains("\"field\":\"mobile\"");
	}

}

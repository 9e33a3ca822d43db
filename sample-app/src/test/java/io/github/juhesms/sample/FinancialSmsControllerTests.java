package io.github.juhesms.sample;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
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
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

// The key is a test property, not a dynamic one: demo mode is decided before dynamic properties exist.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "juhe.sms.key=sample-key")
class FinancialSmsControllerTests {

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

	@Test
	void sendsEachCarriersNumbersWithItsTemplateAndReportsEveryGroup() {
		juhe.stubFor(post(urlEqualTo("/shortLetter/mobileGroup.php")).willReturn(aResponse().withBody("""
				{"reason":"success","result":{"a":["13800138000"],"b":null,"c":["13300133000"],
				"unknown":["19200000001"]},"error_code":0}""")));
		juhe.stubFor(post(urlEqualTo("/shortLetter/send.php")).withRequestBody(containing("13800138000"))
			.willReturn(aResponse().withBody(
					"{\"reason\":\"操作成功\",\"result\":{\"sid\":\"201709081304169242351674\",\"fee\":1},\"error_code\":0}")));
		juhe.stubFor(post(urlEqualTo("/shortLetter/send.php")).withRequestBody(containing("13300133000"))
			.willReturn(aResponse().withBody("{\"reason\":\"通道故障\",\"result\":null,\"error_code\":228803}")));
		ResponseEntity<String> response = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.build()
			.post()
			.uri("/sms/financial/by-carrier")
			.body(Map.of("mobiles", List.of("13800138000", "13300133000", "19200000001", "13800138000"),
					"templateIds", Map.of("ALL", 767, "CHINA_MOBILE", 768), "variables", Map.of("code", "1234")))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read("$.duplicatesRemoved", Integer.class)).isEqualTo(1);
		assertThat(json.read("$.notSentUnknownCarrier", List.class)).containsExactly("19200000001");
		assertThat(json.read("$.allSent", Boolean.class)).isFalse();
		assertThat(json.read("$.sends[0].carrier", String.class)).isEqualTo("CHINA_MOBILE");
		assertThat(json.read("$.sends[0].templateId", Long.class)).isEqualTo(768);
		assertThat(json.read("$.sends[0].sid", String.class)).isEqualTo("201709081304169242351674");
		assertThat(json.read("$.sends[1].carrier", String.class)).isEqualTo("CHINA_TELECOM");
		assertThat(json.read("$.sends[1].templateId", Long.class)).isEqualTo(767);
		assertThat(json.read("$.sends[1].errorCode", Integer.class)).isEqualTo(228803);
		assertThat(json.read("$.sends[1].outcomeUnknown", Boolean.class)).isFalse();
		juhe.verify(postRequestedFor(urlEqualTo("/shortLetter/send.php"))
			.withFormParam("key", equalTo("sample-key"))
			.withFormParam("mobile", equalTo("13800138000"))
			.withFormParam("tplId", equalTo("768"))
			.withFormParam("tplValue", equalTo("#code#=1234")));
		juhe.verify(postRequestedFor(urlEqualTo("/shortLetter/send.php"))
			.withFormParam("mobile", equalTo("13300133000"))
			.withFormParam("tplId", equalTo("767")));
	}

}

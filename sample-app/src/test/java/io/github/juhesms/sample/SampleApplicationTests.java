package io.github.juhesms.sample;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class SampleApplicationTests extends StubbedJuheTests {

	@Test
	void sendsAnInternationalSmsThroughTheStarter() {
		juhe.stubFor(post(urlEqualTo("/smsInternational/send")).willReturn(aResponse()
			.withBody("{\"reason\":\"操作成功\",\"result\":{\"sid\":\"20190326142208\",\"fee\":1},\"error_code\":0}")));
		ResponseEntity<String> response = postJson("/sms/international", Map.of("areaCode", "44", "mobile",
				"7911123456", "templateId", 12, "variables", Map.of("code", "1234")));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"sid\":\"20190326142208\",\"fee\":1}");
		juhe.verify(postRequestedFor(urlEqualTo("/smsInternational/send")).withFormParam("key", equalTo("sample-key"))
			.withFormParam("tplValue", equalTo("#code#=1234")));
	}

	@Test
	void withoutTheDemoProfileThereIsNoDemoOutbox() {
		ResponseEntity<String> response = client().get().uri("/demo/outbox").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
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

package io.github.juhesms.sample;

import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints of the mainland products (verification-code SMS, SMS API, video SMS),
 * through the starter to a stubbed Juhe.
 */
class MainlandSmsControllersTests extends StubbedJuheTests {

	@Test
	void sendsAVerificationCode() {
		juhe.stubFor(post(urlEqualTo("/vercodesms/send")).willReturn(aResponse()
			.withBody("{\"reason\":\"success\",\"result\":{\"sid\":\"8663633475323417069\"},\"error_code\":0}")));
		ResponseEntity<String> response = client().post()
			.uri("/sms/verification-code")
			.body(Map.of("mobile", "13812345678", "templateId", 21, "variables", Map.of("code", "431515")))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"sid\":\"8663633475323417069\"}");
		juhe.verify(postRequestedFor(urlEqualTo("/vercodesms/send")).withFormParam("key", equalTo("sample-key"))
			.withFormParam("mobile", equalTo("13812345678"))
			.withFormParam("tplId", equalTo("21"))
			.withFormParam("tplValue", equalTo("#code#=431515")));
	}

	@Test
	void sendsThroughTheSmsApi() {
		juhe.stubFor(post(urlEqualTo("/sms/send")).willReturn(aResponse().withBody(
				"{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"23d6bc49\"},\"error_code\":0}")));
		ResponseEntity<String> response = client().post()
			.uri("/sms/sms-api")
			.body(Map.of("mobile", "13812345678", "templateId", 12, "variables", Map.of("code", "1234"), "ext", "01"))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("{\"count\":1,\"fee\":1,\"sid\":\"23d6bc49\"}");
		juhe.verify(postRequestedFor(urlEqualTo("/sms/send")).withFormParam("key", equalTo("sample-key"))
			.withFormParam("tpl_id", equalTo("12"))
			.withFormParam("vars", equalTo("{\"code\":\"1234\"}"))
			.withFormParam("ext", equalTo("01")));
	}

	@Test
	void aRepeatWithTheSameIdempotencyKeyGetsTheFirstSendsResultWithoutSendingAgain() {
		juhe.stubFor(post(urlEqualTo("/sms/send")).withRequestBody(containing("13812340001"))
			.willReturn(aResponse().withBody(
					"{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"a1\"},\"error_code\":0}")));
		Map<String, Object> body = Map.of("mobile", "13812340001", "templateId", 12, "variables",
				Map.of("order", "42"));
		for (int i = 0; i < 2; i++) {
			ResponseEntity<String> response = client().post()
				.uri("/sms/sms-api")
				.header("Idempotency-Key", "order-42-shipped")
				.body(body)
				.retrieve()
				.toEntity(String.class);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).isEqualTo("{\"count\":1,\"fee\":1,\"sid\":\"a1\"}");
		}
		juhe.verify(1, postRequestedFor(urlEqualTo("/sms/send")).withRequestBody(containing("13812340001")));
	}

	@Test
	void aRejectedSendIsABadGatewaySayingWhetherToRetry() {
		juhe.stubFor(post(urlEqualTo("/caixinv2/send"))
			.willReturn(aResponse().withBody("{\"reason\":\"模板不存在\",\"result\":null,\"error_code\":236302}")));
		ResponseEntity<String> response = client().post()
			.uri("/sms/video")
			.body(Map.of("mobile", "13812340002", "templateId", 99))
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		DocumentContext json = JsonPath.parse(response.getBody());
		assertThat(json.read("$.category", String.class)).isEqualTo("REJECTED");
		assertThat(json.read("$.errorCode", Integer.class)).isEqualTo(236302);
		assertThat(json.read("$.retryable", Boolean.class)).isFalse();
		assertThat(json.read("$.outcomeUnknown", Boolean.class)).isFalse();
		assertThat(json.read("$.detail", String.class)).doesNotContain("13812340002");
	}

	@Test
	void listsVideoTemplates() {
		juhe.stubFor(post(urlEqualTo("/caixinv2/myTpls")).willReturn(aResponse().withBody("""
				{"reason":"success","result":[{"tplId":65535,"url":"https://example.com/a.mp4","content":"【聚合数据】测试",
				"tpl_state":1,"created_at":"2021-05-19 18:09:15"}],"error_code":0}""")));
		ResponseEntity<String> response = client().get().uri("/sms/video/templates").retrieve().toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).isEqualTo("[{\"templateId\":65535,\"materialUrl\":\"https://example.com/a.mp4\","
				+ "\"content\":\"【聚合数据】测试\",\"usable\":true,\"createdAt\":\"2021-05-19T18:09:15\"}]");
		juhe.verify(postRequestedFor(urlEqualTo("/caixinv2/myTpls")).withFormParam("key", equalTo("sample-key")));
	}

}

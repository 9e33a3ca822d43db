package io.github.juhesms.sample;

import java.util.List;
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

class FinancialSmsControllerTests extends StubbedJuheTests {

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
		ResponseEntity<String> response = client().post()
			.uri("/sms/financial/by-carrier")
			.body(Map.of("mobiles", List.of("13800138000", "13300133000", "19200000001", "13800138000"), "templateIds",
					Map.of("ALL", 767, "CHINA_MOBILE", 768), "variables", Map.of("code", "1234")))
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
		juhe.verify(postRequestedFor(urlEqualTo("/shortLetter/send.php")).withFormParam("key", equalTo("sample-key"))
			.withFormParam("mobile", equalTo("13800138000"))
			.withFormParam("tplId", equalTo("768"))
			.withFormParam("tplValue", equalTo("#code#=1234")));
		juhe.verify(
				postRequestedFor(urlEqualTo("/shortLetter/send.php")).withFormParam("mobile", equalTo("13300133000"))
					.withFormParam("tplId", equalTo("767")));
	}

}

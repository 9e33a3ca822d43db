package io.github.juhesms.test.fake;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake's HTTP contract, checked with a plain HTTP client: keys, GET and POST,
 * envelopes, and the codes the starter's own checks never let a request reach.
 */
@FakeJuheServerTest
class FakeJuheHttpTests {

	@ParameterizedTest
	@EnumSource(JuheEndpoint.class)
	void missingKeyIsAWrongKey(JuheEndpoint endpoint, FakeJuheServer juhe) {
		JsonNode answer = new JuheHttp(juhe).postForm(endpoint, Map.of());

		assertThat(answer.toString()).isEqualTo("{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		assertThat(juhe.requestCount(endpoint)).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(JuheEndpoint.class)
	void anotherProductsKeyIsAWrongKey(JuheEndpoint endpoint, FakeJuheServer juhe) {
		JuheProduct other = (endpoint.product() == JuheProduct.VIDEO) ? JuheProduct.SMS_API : JuheProduct.VIDEO;

		JsonNode answer = new JuheHttp(juhe).postForm(endpoint, Map.of("key", juhe.key(other)));

		assertThat(answer.get("error_code").asInt()).isEqualTo(10001);
	}

	@Test
	void areaCodeIsTheDocumentsBareArrayCharacterForCharacter(FakeJuheServer juhe) throws IOException {
		String document = Files.readString(Path.of("../docs/juhe/international.txt"), StandardCharsets.UTF_8);
		int example = document.indexOf("JSON返回示例", document.indexOf("/smsInternational/areaCode"));
		String table = document.substring(document.indexOf('[', example), document.indexOf("4、模板列表", example)).strip();

		HttpResponse<String> answer = new JuheHttp(juhe)
			.get("/smsInternational/areaCode?key=" + juhe.key(JuheProduct.INTERNATIONAL));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
		assertThat(answer.body()).isEqualTo(table);
	}

	@Test
	void getWithQueryParametersWorksAsTheDocumentsShow(FakeJuheServer juhe) {
		JuheHttp http = new JuheHttp(juhe);
		long templateId = http
			.get(JuheEndpoint.INTERNATIONAL_SUBMIT_TEMPLATE, "signature", "天聚地合", "content", "您的验证码是#code#")
			.get("result")
			.get("tplId")
			.asLong();

		JsonNode sent = http.get(JuheEndpoint.INTERNATIONAL_SEND, "tplId", Long.toString(templateId), "tplValue",
				"#code#=123454", "areaNum", "44", "mobile", "7700900123");

		assertThat(sent.get("error_code").asInt()).isEqualTo(0);
		assertThat(sent.get("reason").asString()).isEqualTo("操作成功");
		assertThat(juhe.lastCodeSentTo("7700900123")).hasValue("123454");
	}

	@Test
	void bodyParameterWinsOverTheQuery(FakeJuheServer juhe) {
		String key = juhe.key(JuheProduct.INTERNATIONAL);
		HttpResponse<String> answer = new JuheHttp(juhe).get("/smsInternational/myTemplates?key=wrong");

		assertThat(answer.body()).contains("10001");
		assertThat(new JuheHttp(juhe).postForm(JuheEndpoint.INTERNATIONAL_MY_TEMPLATES, Map.of("key", key))
			.get("error_code")
			.asInt()).isEqualTo(0);
	}

	@Test
	void tplValueAsTheVerificationCodeDocumentEncodesIt(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1004).id();

		// The document: "#code#=12345&#m#=5" is sent as %23code%23%3d12345%26%23m%23%3d5.
		HttpResponse<String> answer = new JuheHttp(juhe)
			.get("/vercodesms/send?key=" + juhe.key(JuheProduct.VERIFICATION_CODE) + "&mobile=13800138000&tplId="
					+ templateId + "&tplValue=%23code%23%3d12345%26%23m%23%3d5");

		assertThat(answer.body()).contains("\"error_code\":0");
		assertThat(juhe.outbox()).singleElement().returns(Map.of("code", "12345", "m", "5"), SentMessage::variables);
	}

	@Test
	void internationalRefusesWhatTheStartersChecksNeverSend(FakeJuheServer juhe) {
		String templateId = Long.toString(juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hi").id());
		JuheHttp http = new JuheHttp(juhe);

		assertThat(errorCode(http.post(JuheEndpoint.INTERNATIONAL_SEND, "tplId", templateId, "areaNum", "44", "mobile",
				"77009x0123")))
			.isEqualTo(235710);
		assertThat(errorCode(http.post(JuheEndpoint.INTERNATIONAL_SEND, "tplId", templateId, "areaNum", "+44", "mobile",
				"7700900123")))
			.isEqualTo(235702);
		assertThat(errorCode(
				http.post(JuheEndpoint.INTERNATIONAL_SEND, "tplId", "12a", "areaNum", "44", "mobile", "7700900123")))
			.isEqualTo(235701);
		assertThat(errorCode(http.post(JuheEndpoint.INTERNATIONAL_SEND, "tplId", templateId, "areaNum", "44", "mobile",
				"7700900123", "tplValue", "code=1")))
			.isEqualTo(235706);
		assertThat(errorCode(http.post(JuheEndpoint.INTERNATIONAL_SUBMIT_TEMPLATE, "signature", "聚合数据")))
			.isEqualTo(235706);
		assertThat(errorCode(http.post(JuheEndpoint.INTERNATIONAL_DELETE_TEMPLATE, "tplId", "0"))).isEqualTo(235701);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void financialRefusesMoreThan10000Numbers(FakeJuheServer juhe) {
		String mobiles = String.join(",", java.util.Collections.nCopies(10_001, "13800138000"));

		assertThat(errorCode(new JuheHttp(juhe).post(JuheEndpoint.FINANCIAL_MOBILE_GROUP, "mobiles", mobiles)))
			.isEqualTo(228802);
	}

	@Test
	void unknownPathIsNotFound(FakeJuheServer juhe) {
		HttpResponse<String> answer = new JuheHttp(juhe).get("/smsInternational/sendMany");

		assertThat(answer.statusCode()).isEqualTo(404);
		assertThat(answer.body()).contains("/smsInternational/sendMany");
	}

	private static int errorCode(JsonNode answer) {
		return answer.get("error_code").asInt();
	}

}

package io.github.juhesms.sample;

import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.test.fake.FakeJuheServer;
import io.github.juhesms.test.fake.FakeJuheServerTest;
import io.github.juhesms.test.fake.SentMessage;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample tested as README.md's "Testing without sending real messages" has it: with
 * {@link FakeJuheServerTest}, through the real endpoints, asserting on the fake's outbox.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "sample.api-token=" + FakeJuheSampleTests.TOKEN)
@FakeJuheServerTest
class FakeJuheSampleTests {

	static final String TOKEN = "fake-juhe-test-token";

	@LocalServerPort
	int port;

	@Test
	void aSendReachesTheFake(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的订单#order#已发货").id();

		ResponseEntity<String> sent = RestClient.builder()
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", "Bearer " + TOKEN)
			.build()
			.post()
			.uri("/sms/sms-api")
			.body(Map.of("mobile", "13800138000", "templateId", templateId, "variables", Map.of("order", "A1001")))
			.retrieve()
			.toEntity(String.class);

		assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(juhe.messagesTo("13800138000")).singleElement().returns("【聚合数据】您的订单A1001已发货", SentMessage::text);
	}

}

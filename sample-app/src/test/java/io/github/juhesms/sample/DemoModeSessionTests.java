package io.github.juhesms.sample;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.juhesms.test.fake.FakeJuheServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The curl session of README.md ("The sample app"), against the sample started as a user
 * starts it: with the demo profile. Closed after the class, which stops its fake Juhe.
 */
// The profile as an argument of the run, rather than @ActiveProfiles, as a user passes
// it; a Spring test context rather than SpringApplication.run, so that the AOT test run
// gets it prepared ahead of time too.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, args = "--spring.profiles.active=demo")
@DirtiesContext
class DemoModeSessionTests {

	private static final String MOBILE = "13800138000";

	@LocalServerPort
	int port;

	@Autowired
	ObjectProvider<FakeJuheServer> juhe;

	private RestClient http;

	@BeforeEach
	void demoModeIsOn() {
		assertThat(this.juhe.getIfAvailable()).as("the demo mode's fake Juhe").isNotNull();
		this.http = RestClient.builder()
			// Apache HttpClient's default retry strategy would wait out a 429's
			// Retry-After and resend.
			.requestFactory(new JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("Authorization", "Bearer " + DemoModeEnvironmentPostProcessor.DEMO_TOKEN)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	// The README's ids (10000-10004) are a fresh JVM's; template ids rise within one JVM,
	// and
	// other tests' fakes may have taken those.
	private long demoTemplate(String signature, String content) {
		return this.juhe.getObject()
			.templates()
			.stream()
			.filter((template) -> template.signature().equals(signature) && template.content().equals(content))
			.findFirst()
			.orElseThrow()
			.id();
	}

	@Test
	void theReadmeSessionAnswersAsDocumented() {
		Map<String, String> login = Map.of("purpose", "login", "mobile", MOBILE);
		Instant before = Instant.now();
		ResponseEntity<String> sent = post("/codes/send", login);
		assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext code = JsonPath.parse(sent.getBody());
		assertThat(code.read("$.purpose", String.class)).isEqualTo("login");
		assertThat(code.read("$.maskedMobile", String.class)).isEqualTo("138****8000");
		assertThat(code.read("$.sid", String.class)).isNotBlank();
		assertThat(Instant.parse(code.read("$.expiresAt"))).isBetween(before.plus(Duration.ofMinutes(5)),
				Instant.now().plus(Duration.ofMinutes(5)));
		assertThat(Instant.parse(code.read("$.nextSendAllowedAt"))).isBetween(before.plus(Duration.ofMinutes(1)),
				Instant.now().plus(Duration.ofMinutes(1)));

		ResponseEntity<String> outbox = get("/demo/outbox?mobile=" + MOBILE);
		assertThat(outbox.getStatusCode()).isEqualTo(HttpStatus.OK);
		DocumentContext messages = JsonPath.parse(outbox.getBody());
		assertThat(messages.read("$.length()", Integer.class)).isOne();
		assertThat(messages.read("$[0].product", String.class)).isEqualTo("verification-code");
		assertThat(messages.read("$[0].mobile", String.class)).isEqualTo("138****8000");
		assertThat(messages.read("$[0].templateId", Long.class)).isEqualTo(demoTemplate("聚合数据", "您的验证码是#code#"));
		String received = messages.read("$[0].code");
		assertThat(received).matches("\\d{6}");
		assertThat(messages.read("$[0].text", String.class)).isEqualTo("【聚合数据】您的验证码是" + received);
		assertThat(sent.getBody()).doesNotContain(received);

		Map<String, String> verify = Map.of("purpose", "login", "mobile", MOBILE, "code", received);
		assertThat(post("/codes/verify", verify).getBody()).isEqualTo("{\"verified\":true}");
		assertThat(post("/codes/verify", verify).getBody()).isEqualTo("{\"verified\":false}");

		ResponseEntity<String> again = post("/codes/send", login);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(again.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		DocumentContext refused = JsonPath.parse(again.getBody());
		assertThat(refused.read("$.rule", String.class)).isEqualTo("1 per 1m");
		assertThat(Instant.parse(refused.read("$.retryAt"))).isCloseTo(code.read("$.nextSendAllowedAt", String.class),
				within(1, ChronoUnit.SECONDS));
		assertThat(again.getBody()).contains("138****8000").doesNotContain(MOBILE);

		ResponseEntity<String> smsApi = post("/sms/sms-api", Map.of("mobile", MOBILE, "templateId",
				demoTemplate("聚合数据", "您的订单#order#已发货"), "variables", Map.of("order", "A1001")));
		assertThat(smsApi.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.parse(smsApi.getBody()).read("$.count", Integer.class)).isOne();
		assertThat(JsonPath.parse(smsApi.getBody()).read("$.fee", Integer.class)).isOne();
		assertThat(JsonPath.parse(smsApi.getBody()).read("$.sid", String.class)).isNotBlank();

		ResponseEntity<String> international = post("/sms/international",
				Map.of("areaCode", "44", "mobile", "7911123456", "templateId",
						demoTemplate("Juhe", "Your order #order# has shipped"), "variables", Map.of("order", "A1001")));
		assertThat(international.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.parse(international.getBody()).read("$.fee", Integer.class)).isEqualTo(3);
		assertThat(JsonPath.parse(international.getBody()).read("$.sid", String.class)).isNotBlank();

		ResponseEntity<String> video = post("/sms/video",
				Map.of("mobile", MOBILE, "templateId", demoTemplate("聚合数据", "新品上市，点击观看")));
		assertThat(video.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JsonPath.parse(video.getBody()).read("$.sid", String.class)).isNotBlank();

		ResponseEntity<String> templates = get("/sms/international/templates");
		assertThat(templates.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(templates.getBody())
			.isEqualTo("[{\"templateId\":" + demoTemplate("Juhe", "Your order #order# has shipped")
					+ ",\"content\":\"Your order #order# has shipped\","
					+ "\"signature\":\"Juhe\",\"state\":\"APPROVED\",\"approved\":true}]");

		assertThat(get("/demo/outbox").getBody()).contains("【聚合数据】您的订单A1001已发货", "【Juhe】Your order A1001 has shipped",
				"【聚合数据】新品上市，点击观看");

		// Each product's first send fetched its template list for the checks, and the
		// international send its area's fee for the spend caps.
		DocumentContext codeRequests = metric("?tag=product:verification-code");
		assertThat(count(codeRequests)).isEqualTo(2);
		assertThat(tagValues(codeRequests, "operation")).containsExactlyInAnyOrder("send", "myTpl");
		assertThat(tagValues(codeRequests, "outcome")).containsExactly("success");
		DocumentContext internationalRequests = metric("?tag=product:international");
		assertThat(count(internationalRequests)).isEqualTo(4);
		assertThat(tagValues(internationalRequests, "operation")).containsExactlyInAnyOrder("send", "myTemplates",
				"areaCode");
		assertThat(count(metric(""))).isEqualTo(9);

		assertThat(get("/actuator/health").getBody()).contains("\"status\":\"UP\"");
	}

	private DocumentContext metric(String query) {
		ResponseEntity<String> response = get("/actuator/metrics/juhe.sms.client.requests" + query);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return JsonPath.parse(response.getBody());
	}

	private static double count(DocumentContext metric) {
		List<Double> counts = metric.read("$.measurements[?(@.statistic == 'COUNT')].value");
		return counts.get(0);
	}

	private static List<String> tagValues(DocumentContext metric, String tag) {
		List<List<String>> values = metric.read("$.availableTags[?(@.tag == '" + tag + "')].values");
		return values.get(0);
	}

	private ResponseEntity<String> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(String.class);
	}

	private ResponseEntity<String> post(String path, Object body) {
		return this.http.post().uri(path).body(body).retrieve().toEntity(String.class);
	}

}

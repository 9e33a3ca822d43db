package io.github.juhesms.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.HttpClientKind;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.SharedJuheContext;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import io.micrometer.core.instrument.Meter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key travels only in the form body of each request, and neither it nor a full phone
 * number shows in a URL, a log line (the starter's and Spring's HTTP loggers at TRACE),
 * an exception, an event, an observation, a meter or a {@code toString()}, whatever Juhe
 * answers, even an answer that echoes the request, for every endpoint of every product
 * and every HTTP client.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsTests extends JuheWireMockTests {

	// A key like Juhe's (32 hex characters, no run of digits that phone-number masking
	// would hide by chance).
	private static final String SECRET_KEY = "9fa3b2c4d5e6f7a8bcd0e1f2a3b4c5d6";

	private static final String MAINLAND = "13812345678";

	private static final String NATIONAL = "7911123456";

	private static final String[] PERSONAL_DATA = { MAINLAND, NATIONAL, "447911123456" };

	private static final String[] LOGGERS = { "io.github.juhesms", "org.springframework.web.client",
			"org.springframework.http", "org.springframework.core.retry" };

	private static final LoggingSystem loggingSystem = LoggingSystem.get(SecretsTests.class.getClassLoader());

	private static final Map<HttpClientKind, SharedJuheContext> contexts = new EnumMap<>(HttpClientKind.class);

	private static final ReliabilityFigures figures = new ReliabilityFigures("secrets");

	@BeforeAll
	static void verboseLogging() {
		for (String logger : LOGGERS) {
			loggingSystem.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterAll
	static void quietLoggingAndCloseContexts() {
		for (String logger : LOGGERS) {
			loggingSystem.setLogLevel(logger, null);
		}
		contexts.values().forEach(SharedJuheContext::close);
		contexts.clear();
		figures.write();
	}

	static Stream<Arguments> cases() {
		List<Arguments> cases = new ArrayList<>();
		for (HttpClientKind client : HttpClientKind.values()) {
			for (Endpoint endpoint : Endpoint.values()) {
				for (Answer answer : Answer.values()) {
					cases.add(Arguments.of(client, endpoint, answer));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} {2}")
	@MethodSource("cases")
	void neitherKeyNorFullMobileLeaks(HttpClientKind client, Endpoint endpoint, Answer answer, CapturedOutput output) {
		SharedJuheContext shared = context(client);
		shared.clear();
		answer.stub(endpoint);
		List<String> shown = new ArrayList<>();
		try {
			Object result = endpoint.call.apply(shared.context());
			assertThat(answer).isEqualTo(Answer.SUCCESS);
			assertThat(String.valueOf(result)).doesNotContain(SECRET_KEY);
		}
		catch (RuntimeException ex) {
			assertThat(answer).isNotEqualTo(Answer.SUCCESS);
			shown.add(stackTrace(ex));
		}
		List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.getUrl()).doesNotContain(SECRET_KEY).doesNotContain("?");
			assertThat(request.getHeaders().all()).extracting(HttpHeader::toString)
				.allSatisfy((header) -> assertThat(header).doesNotContain(SECRET_KEY));
			assertThat(form(request)).containsEntry("key", SECRET_KEY);
		});
		shown.add(output.getAll());
		shared.events().forEach((event) -> shown.add(event.toString()));
		shared.observationKeyValues().forEach((keyValue) -> shown.add(keyValue.toString()));
		shared.observations().forEach((observation) -> shown.add(observation.getContextualName()));
		shared.meters().getMeters().stream().map(Meter::getId).forEach((id) -> shown.add(id.toString()));
		assertThat(shown).allSatisfy((text) -> {
			assertThat(text).doesNotContain(SECRET_KEY);
			assertThat(text).doesNotContain(PERSONAL_DATA);
		});
		if (endpoint.sends) {
			// A carrier send whose grouping fails sends nothing.
			boolean groupingFailed = endpoint == Endpoint.FINANCIAL_SEND_BY_CARRIER && answer != Answer.SUCCESS;
			assertThat(shared.events()).hasSize(groupingFailed ? 0 : 1);
		}
		assertThat(shared.observations()).isNotEmpty();
		figures.count("cases");
		figures.count("cases." + client);
	}

	@Test
	void noBeanOfTheContextShowsTheKey() {
		for (HttpClientKind client : HttpClientKind.values()) {
			ApplicationContext context = context(client).context();
			for (String name : context.getBeanDefinitionNames()) {
				assertThat(String.valueOf(context.getBean(name))).as(name).doesNotContain(SECRET_KEY);
			}
		}
	}

	@Test
	void configpropsMasksTheKeyOfEveryProduct() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class, JuheSmsAutoConfiguration.class))
			.withPropertyValues("management.endpoint.configprops.show-values=always",
					"management.endpoints.web.exposure.include=configprops", "juhe.sms.key=" + SECRET_KEY,
					"juhe.sms.international.key=" + SECRET_KEY + "1", "juhe.sms.financial.key=" + SECRET_KEY + "2",
					"juhe.sms.verification-code.key=" + SECRET_KEY + "3", "juhe.sms.sms-api.key=" + SECRET_KEY + "4",
					"juhe.sms.video.key=" + SECRET_KEY + "5")
			.run((context) -> {
				String report = JsonMapper.builder()
					.build()
					.writeValueAsString(context.getBean(ConfigurationPropertiesReportEndpoint.class)
						.configurationPropertiesWithPrefix("juhe.sms"));
				assertThat(report).contains("\"key\":\"******\"").doesNotContain(SECRET_KEY);
				for (String product : List.of("international", "financial", "verificationCode", "smsApi", "video")) {
					assertThat(report).contains("\"" + product + "\":{");
				}
			});
	}

	private static String stackTrace(Throwable ex) {
		StringWriter text = new StringWriter();
		ex.printStackTrace(new PrintWriter(text));
		return text.toString();
	}

	private static synchronized SharedJuheContext context(HttpClientKind client) {
		return contexts.computeIfAbsent(client,
				(kind) -> SharedJuheContext.start(kind, wireMock.baseUrl(), "juhe.sms.key=" + SECRET_KEY,
						"juhe.sms.read-timeout=5s", "juhe.sms.retry.initial-interval=10ms", "juhe.sms.retry.jitter=0ms",
						"juhe.sms.retry.budget.enabled=false", "juhe.sms.fail-fast.cooldown=0"));
	}

	/**
	 * Every endpoint of every product, with a success answer for each path it posts to.
	 */
	enum Endpoint {

		INTERNATIONAL_SUBMIT_TEMPLATE(false, Map.of("/smsInternational/submitTpl", "{\"tplId\":1}"),
				(context) -> international(context).submitTemplate("聚合", "您的验证码是#code#")),

		INTERNATIONAL_SEND(true, Map.of("/smsInternational/send", "{\"sid\":\"s1\",\"fee\":1}"),
				(context) -> international(context)
					.send(new InternationalSmsRequest("44", NATIONAL, 12, Map.of("code", "1234")))),

		INTERNATIONAL_AREA_CODES(false,
				Map.of("/smsInternational/areaCode",
						"[{\"cname\":\"英国\",\"ename\":\"UK\",\"areanum\":\"44\",\"fee\":2}]"),
				(context) -> international(context).areaCodes()),

		INTERNATIONAL_MY_TEMPLATES(false, Map.of("/smsInternational/myTemplates", "{\"templates\":[]}"),
				(context) -> international(context).myTemplates()),

		INTERNATIONAL_DELETE_TEMPLATE(false, Map.of("/smsInternational/deleteTpl", "[]"), (context) -> {
			international(context).deleteTemplate(7);
			return null;
		}),

		FINANCIAL_SUBMIT_TEMPLATE(false,
				Map.of("/shortLetter/submitTpl.php",
						"{\"tplId\":767,\"sendContent\":\"【天聚地合】您的账单金额为#amount#\",\"tplBatchInfo\":[{\"a\":767}]}"),
				(context) -> financial(context).submitTemplate("天聚地合", "您的账单金额为#amount#")),

		FINANCIAL_SEND(true, Map.of("/shortLetter/send.php", "{\"sid\":\"s2\",\"fee\":1}"),
				(context) -> financial(context)
					.send(new FinancialSmsRequest(List.of(MAINLAND), 12, Map.of("amount", "1.00")))),

		FINANCIAL_GROUP_BY_CARRIER(false, Map.of("/shortLetter/mobileGroup.php", "{\"a\":[\"" + MAINLAND + "\"]}"),
				(context) -> financial(context).groupByCarrier(List.of(MAINLAND)).chinaMobile().size()),

		FINANCIAL_SEND_BY_CARRIER(true, Map.of("/shortLetter/mobileGroup.php", "{\"a\":[\"" + MAINLAND + "\"]}",
				"/shortLetter/send.php", "{\"sid\":\"s3\",\"fee\":1}"), (context) -> {
					var report = financial(context).sendByCarrier(CarrierTemplates.allNetworks(12),
							List.of(MAINLAND, MAINLAND), Map.of("amount", "1.00"));
					report.sends().stream().filter((send) -> send.failure() != null).findFirst().ifPresent((send) -> {
						throw send.failure();
					});
					return report;
				}),

		FINANCIAL_MY_TEMPLATES(false, Map.of("/shortLetter/myTemplates.php", "{\"templates\":[]}"),
				(context) -> financial(context).myTemplates()),

		VERIFICATION_CODE_OPTION_TEMPLATES(false,
				Map.of("/vercodesms/optionTpl",
						"[{\"tplcode\":1001,\"sms_tpl\":\"您的验证码是#code#\",\"des\":\"code: 4-6 digits\"}]"),
				(context) -> verificationCode(context).optionTemplates()),

		VERIFICATION_CODE_SUBMIT_TEMPLATE(false, Map.of("/vercodesms/submitTpl", "{\"tplId\":1}"),
				(context) -> verificationCode(context).submitTemplate("聚合数据", 1001)),

		VERIFICATION_CODE_SEND(true, Map.of("/vercodesms/send", "{\"sid\":\"s4\"}"),
				(context) -> verificationCode(context).send(MAINLAND, 12, Map.of("code", "1234"))),

		VERIFICATION_CODE_MY_TEMPLATES(false, Map.of("/vercodesms/myTpl", "[]"),
				(context) -> verificationCode(context).myTemplates()),

		SMS_API_SEND(true, Map.of("/sms/send", "{\"count\":1,\"fee\":1,\"sid\":\"s5\"}"),
				(context) -> context.getBean(SmsApiClient.class)
					.send(new SmsApiRequest(MAINLAND, 12, Map.of("code", "1234"), "01"))),

		VIDEO_SEND(true, Map.of("/caixinv2/send", "{\"sid\":\"s6\"}"),
				(context) -> context.getBean(VideoSmsClient.class).send(MAINLAND, 12)),

		VIDEO_MY_TEMPLATES(false, Map.of("/caixinv2/myTpls", "[]"),
				(context) -> context.getBean(VideoSmsClient.class).myTemplates());

		final boolean sends;

		final Map<String, String> successes;

		final Function<ApplicationContext, Object> call;

		Endpoint(boolean sends, Map<String, String> successes, Function<ApplicationContext, Object> call) {
			this.sends = sends;
			this.successes = successes;
			this.call = call;
		}

		private static InternationalSmsClient international(ApplicationContext context) {
			return context.getBean(InternationalSmsClient.class);
		}

		private static FinancialSmsClient financial(ApplicationContext context) {
			return context.getBean(FinancialSmsClient.class);
		}

		private static VerificationCodeSmsClient verificationCode(ApplicationContext context) {
			return context.getBean(VerificationCodeSmsClient.class);
		}

	}

	/**
	 * What the server answers; every answer but success echoes the key and the numbers it
	 * was sent.
	 */
	enum Answer {

		SUCCESS,

		ERROR_CODE_ECHOING_THE_REQUEST,

		SERVER_ERROR_PAGE_ECHOING_THE_REQUEST,

		MALFORMED_JSON_ECHOING_THE_KEY,

		CONNECTION_RESET;

		void stub(Endpoint endpoint) {
			if (this == SUCCESS) {
				endpoint.successes.forEach((path, result) -> wireMock
					.stubFor(post(urlPathEqualTo(path)).willReturn(json(success(result)))));
			}
			else {
				wireMock.stubFor(post(anyUrl()).willReturn(response()));
			}
		}

		private ResponseDefinitionBuilder response() {
			String echo = "key=" + SECRET_KEY + "&mobile=" + MAINLAND + "&areaNum=44&mobile=" + NATIONAL;
			return switch (this) {
				case ERROR_CODE_ECHOING_THE_REQUEST ->
					json("{\"reason\":\"参数错误 " + echo + "\",\"result\":null,\"error_code\":10002}");
				case SERVER_ERROR_PAGE_ECHOING_THE_REQUEST -> aResponse().withStatus(500)
					.withHeader("Content-Type", "text/html")
					.withBody("<html><body><h1>500</h1><pre>" + echo + "</pre></body></html>");
				case MALFORMED_JSON_ECHOING_THE_KEY -> json(SECRET_KEY + " " + echo);
				case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
				default -> throw new IllegalStateException();
			};
		}

	}

}

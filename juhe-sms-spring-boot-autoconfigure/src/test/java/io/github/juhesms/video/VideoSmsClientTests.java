package io.github.juhesms.video;

import java.time.LocalDateTime;

import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsCredentialsException;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsQuotaException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsServiceErrorException;
import io.github.juhesms.error.JuheSmsServiceUnavailableException;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class VideoSmsClientTests extends JuheWireMockTests {

	private static final String DOC = "video.txt";

	private static final String SEND = "/caixinv2/send";

	private static final String MY_TPLS = "/caixinv2/myTpls";

	private static final String BUSY = "{\"reason\":\"网络繁忙，请稍后重试\",\"result\":null,\"error_code\":236300}";

	@Test
	void sendPostsTemplateIdAndMobileAndReadsTheDocumentsHexSid() {
		answer(SEND, example(DOC, 0));
		run((client) -> {
			VideoSmsResult result = client.send("13812345678", 65535);
			assertThat(result.sid()).isEqualTo("5dadab2bc3b5bfb435608c6b5");
			assertThat(result.fee()).isNull();
			assertThat(onlyFormSentTo(SEND)).containsExactly(entry("key", KEY), entry("tplId", "65535"),
					entry("mobile", "13812345678"));
		});
	}

	@Test
	void numericSidAsTheDocumentsTableHasItIsReadAsText() {
		answer(SEND, "{\"reason\":\"success\",\"result\":{\"sid\":8663633475323417069},\"error_code\":0}");
		run((client) -> assertThat(client.send("13812345678", 65535).sid()).isEqualTo("8663633475323417069"));
	}

	@Test
	void myTemplatesParseTheDocumentsExample() {
		answer(MY_TPLS, example(DOC, 1));
		run((client) -> {
			String materials = "https://juhe-caixin.oss-cn-hangzhou.aliyuncs.com/java0904/";
			assertThat(client.myTemplates()).containsExactly(
					new VideoTemplate(65535, materials + "2021-05-19/5ebea87b1b6254380d7f681804411768.mp4",
							"【聚合数据】测试模板内容", true, LocalDateTime.of(2021, 5, 19, 18, 9, 15)),
					new VideoTemplate(65536, materials + "2021-05-21/d8e08ae2e4790baa6030021912d2233a.jpeg",
							"【聚合数据】你好，这是视频短信测试内容", true, LocalDateTime.of(2021, 5, 21, 10, 19, 13)));
			assertThat(onlyFormSentTo(MY_TPLS)).containsExactly(entry("key", KEY));
		});
	}

	@Test
	void templateStateZeroIsNotUsable() {
		answer(MY_TPLS, """
				{"reason":"success","result":[
				{"tplId":1,"url":"u","content":"c","tpl_state":0,"created_at":"2021-05-19 18:09:15"},
				{"tplId":"2","url":"u","content":"c","tpl_state":"1","created_at":"2021-05-19 18:09:15"}],
				"error_code":0}""");
		run((client) -> assertThat(client.myTemplates()).extracting(VideoTemplate::usable)
			.containsExactly(false, true));
	}

	@ParameterizedTest
	@CsvSource({ "2021-05-19T18:09:15", "2021-05-19", "2021-02-30 10:00:00", "2021-05-19 24:00:00", "yesterday" })
	void malformedCreationTimeIsAnInvalidResponseNamingTheField(String createdAt) {
		answer(MY_TPLS, "{\"reason\":\"success\",\"result\":[{\"tplId\":1,\"url\":\"u\",\"content\":\"c\","
				+ "\"tpl_state\":1,\"created_at\":\"" + createdAt + "\"}],\"error_code\":0}");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(client::myTemplates)
			.withMessageContaining("'result[0].created_at': expected a date and time such as 2021-05-19 18:09:15"));
	}

	@Test
	void missingCreationTimeIsAnInvalidResponseNamingTheField() {
		answer(MY_TPLS, "{\"reason\":\"success\",\"result\":[{\"tplId\":1,\"url\":\"u\",\"content\":\"c\","
				+ "\"tpl_state\":1}],\"error_code\":0}");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(client::myTemplates)
			.withMessageContaining("'result[0].created_at': required field is missing"));
	}

	@ParameterizedTest
	@CsvSource({ "10002, CREDENTIALS", "10004, CREDENTIALS", "10013, QUOTA", "10020, SERVICE_UNAVAILABLE",
			"236305, SERVICE_UNAVAILABLE", "236308, SERVICE_ERROR", "236309, SERVICE_ERROR", "236301, REJECTED",
			"236302, REJECTED", "236303, REJECTED", "236304, REJECTED", "236306, REJECTED", "236307, REJECTED",
			"236300, BUSY" })
	void errorCodesBecomeTheirCategory(int code, JuheSmsErrorCategory category) {
		answer(SEND, "{\"reason\":\"错误\",\"result\":null,\"error_code\":" + code + "}");
		run((client) -> assertThatExceptionOfType(JuheSmsException.class)
			.isThrownBy(() -> client.send("13812345678", 65535))
			.satisfies((ex) -> {
				assertThat(ex.getCategory()).isEqualTo(category);
				assertThat(ex.getErrorCode()).isEqualTo(code);
				assertThat(ex.getReason()).isEqualTo("错误");
				assertThat(ex.getProduct().id()).isEqualTo("video");
				assertThat(ex.getOperation()).isEqualTo("send");
				assertThat(ex.getMessage()).contains(Integer.toString(code)).doesNotContain(KEY);
			}));
	}

	@Test
	void exceptionTypesFollowTheCategory() {
		answer(MY_TPLS, "{\"reason\":\"KEY过期\",\"result\":null,\"error_code\":10003}");
		answerInTurn(SEND, "{\"reason\":\"请求超过次数限制\",\"result\":null,\"error_code\":10012}",
				"{\"reason\":\"通道异常\",\"result\":null,\"error_code\":236305}",
				"{\"reason\":\"渠道错误\",\"result\":null,\"error_code\":236309}",
				"{\"reason\":\"不存在的模板\",\"result\":null,\"error_code\":236302}");
		// Several account-state codes in one context: fail-fast is off so each answer is
		// seen.
		run((client) -> {
			assertThatExceptionOfType(JuheSmsCredentialsException.class).isThrownBy(client::myTemplates);
			assertThatExceptionOfType(JuheSmsQuotaException.class).isThrownBy(() -> client.send("13812345678", 1));
			assertThatExceptionOfType(JuheSmsServiceUnavailableException.class)
				.isThrownBy(() -> client.send("13812345678", 1));
			assertThatExceptionOfType(JuheSmsServiceErrorException.class)
				.isThrownBy(() -> client.send("13812345678", 1));
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> client.send("13812345678", 1))
				.satisfies((ex) -> assertThat(ex.getDocumented().documentText()).isEqualTo("不存在的模板"));
		}, "juhe.sms.fail-fast.cooldown=0");
	}

	@Test
	void busyThenSuccessIsRetriedOnce() {
		answerInTurn(SEND, BUSY, example(DOC, 0));
		run((client) -> {
			assertThat(client.send("13812345678", 65535).sid()).isEqualTo("5dadab2bc3b5bfb435608c6b5");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void busyOnEveryAttemptThrowsTheBusyException() {
		answer(MY_TPLS, BUSY);
		run((client) -> assertThatExceptionOfType(JuheSmsBusyException.class).isThrownBy(client::myTemplates)
			.satisfies((ex) -> assertThat(ex.getAttempts()).isEqualTo(3)));
		assertThat(requestsTo(MY_TPLS)).hasSize(3);
	}

	@Test
	void channelErrorIsNotRetried() {
		answerInTurn(SEND, "{\"reason\":\"渠道错误\",\"result\":null,\"error_code\":236309}", example(DOC, 0));
		run((client) -> assertThatExceptionOfType(JuheSmsServiceErrorException.class)
			.isThrownBy(() -> client.send("13812345678", 65535)));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "NULL",
			value = { "NULL|is required", "''|must not be blank", "'   '|must not be blank",
					"1381234abcd|mainland mobile number", "１３８１２３４５６７８|mainland mobile number",
					"138 1234 5678|mainland mobile number", "1381234567|mainland mobile number",
					"138123456789|mainland mobile number" })
	void invalidMobilesAreRefusedBeforeAnyCall(String mobile, String rule) {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.send(mobile, 65535))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("mobile");
				assertThat(ex.getRule()).contains(rule);
				assertThat(ex.getAttempts()).isZero();
				if (mobile != null && mobile.length() > 6) {
					assertThat(ex.getMessage()).doesNotContain(mobile);
				}
			}));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void templateIdZeroIsRefusedBeforeAnyCall() {
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> client.send("13812345678", 0))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("tplId")));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	private void run(ThrowingClientConsumer test, String... properties) {
		contextRunner().withPropertyValues(properties)
			.run((ContextConsumer<AssertableApplicationContext>) (context) -> test
				.accept(context.getBean(VideoSmsClient.class)));
	}

	@FunctionalInterface
	interface ThrowingClientConsumer {

		void accept(VideoSmsClient client) throws Throwable;

	}

}

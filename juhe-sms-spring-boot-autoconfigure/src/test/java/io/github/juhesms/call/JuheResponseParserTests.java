package io.github.juhesms.call;

import java.nio.charset.StandardCharsets;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JuheResponseParserTests {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.SMS_API, "send", "/send");

	private static final JuheOperation LIST = JuheOperation.query(JuheProduct.INTERNATIONAL, "areaCode", "/areaCode");

	@Test
	void parsesTheEnvelope() {
		JuheEnvelope envelope = parse(SEND, 200,
				"""
						{"reason":"短信发送成功","result":{"count":1,"fee":1,"sid":"23d6bc4913614919a823271d820662af"},"error_code":0}""");
		assertThat(envelope.isSuccess()).isTrue();
		assertThat(envelope.reason()).isEqualTo("短信发送成功");
		assertThat(envelope.result().requiredText("sid")).isEqualTo("23d6bc4913614919a823271d820662af");
		assertThat(envelope.result().requiredInt("fee")).isEqualTo(1);
	}

	@Test
	void toleratesNumbersAsStringsAndStringsAsNumbers() {
		JuheEnvelope envelope = parse(SEND, 200, """
				{"reason":"ok","result":{"fee":"2","sid":12345,"areanum":"1649"},"error_code":"0"}""");
		assertThat(envelope.errorCode()).isZero();
		assertThat(envelope.result().requiredInt("fee")).isEqualTo(2);
		assertThat(envelope.result().requiredText("sid")).isEqualTo("12345");
		assertThat(envelope.result().requiredLong("areanum")).isEqualTo(1649L);
	}

	@Test
	void acceptsNullEmptyArrayAndMissingResult() {
		assertThat(parse(SEND, 200, "{\"reason\":\"错误的手机号码\",\"result\":null,\"error_code\":205401}").result().isNull())
			.isTrue();
		assertThat(parse(SEND, 200, "{\"reason\":\"success\",\"result\":[],\"error_code\":0}").result().list((r) -> r))
			.isEmpty();
		assertThat(parse(SEND, 200, "{\"reason\":\"x\",\"error_code\":10001}").result().isNull()).isTrue();
	}

	@Test
	void readsJsonWhateverTheContentTypeSays() {
		// The parser sees only bytes: the Content-Type header plays no part.
		assertThat(parse(SEND, 200, "  \n{\"reason\":\"ok\",\"result\":{},\"error_code\":0}\n").isSuccess()).isTrue();
	}

	@Test
	void acceptsABareArrayWhereTheOperationAllowsIt() {
		JuheOperation areaCode = LIST.acceptingBareArray();
		JuheEnvelope envelope = parse(areaCode, 200, "[{\"cname\":\"印度\",\"areanum\":91,\"fee\":1}]");
		assertThat(envelope.isSuccess()).isTrue();
		assertThat(envelope.result().list((r) -> r.requiredText("areanum"))).containsExactly("91");
	}

	@Test
	void refusesABareArrayWhereAnObjectIsExpected() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> parse(SEND, 200, "[1,2]"))
			.withMessageContaining("a JSON array instead of the JSON object envelope")
			.satisfies((ex) -> assertThat(ex.getBodyExcerpt()).isEqualTo("[1,2]"));
	}

	@Test
	void nonSuccessStatusCarriesStatusAndExcerpt() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> parse(SEND, 502, "<html><body>Bad Gateway</body></html>"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(502);
				assertThat(ex.getBodyExcerpt()).isEqualTo("<html><body>Bad Gateway</body></html>");
				assertThat(ex.getMessage()).contains("HTTP status 502").contains("Bad Gateway");
				assertThat(ex.isOutcomeUnknown()).isTrue();
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getCategory()).isEqualTo(JuheSmsErrorCategory.INVALID_RESPONSE);
			});
	}

	@Test
	void aClientErrorStatusOnASendIsNotAnUnknownOutcome() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> parse(SEND, 404, "Not Found"))
			.satisfies((ex) -> assertThat(ex.isOutcomeUnknown()).isFalse());
	}

	@Test
	void htmlPageWithStatus200IsInvalid() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> parse(LIST, 200, "<!DOCTYPE html><html>维护中</html>"))
			.withMessageContaining("HTML")
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.isOutcomeUnknown()).isFalse();
			});
	}

	@Test
	void emptyBodyIsInvalid() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> parse(SEND, 200, ""))
			.withMessageContaining("empty body")
			.withMessageContaining("body: <empty>");
	}

	@Test
	void malformedJsonIsInvalid() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> parse(SEND, 200, "{\"reason\":\"ok\",\"error_code\":0"))
			.withMessageContaining("malformed JSON")
			.satisfies((ex) -> assertThat(ex.getBodyExcerpt()).isEqualTo("{\"reason\":\"ok\",\"error_code\":0"));
	}

	@Test
	void missingOrNonNumericErrorCodeIsInvalid() {
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> parse(SEND, 200, "{\"reason\":\"ok\"}"))
			.withMessageContaining("'error_code': required field is missing");
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> parse(SEND, 200, "{\"error_code\":\"abc\"}"))
			.withMessageContaining("'error_code': expected a whole number but got string \"abc\"");
	}

	@Test
	void unexpectedTypesNameTheField() {
		JuheEnvelope envelope = parse(SEND, 200, "{\"error_code\":0,\"result\":{\"sid\":{\"a\":1},\"fee\":\"x\"}}");
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> envelope.result().requiredText("sid"))
			.withMessageContaining("'result.sid': expected text but got object");
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> envelope.result().optionalInt("fee"))
			.withMessageContaining("'result.fee': expected a whole number");
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> envelope.result().requiredText("missing"))
			.withMessageContaining("'result.missing': required field is missing");
	}

	@Test
	void excerptIsShortAndMasksNumbers() {
		String huge = "<html>" + "x".repeat(10_000) + "</html>";
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(() -> parse(SEND, 500, huge))
			.satisfies((ex) -> assertThat(ex.getBodyExcerpt()).hasSize(JuheResponseParser.EXCERPT_LENGTH + 1));
		assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> parse(SEND, 500, "error for 13812345678"))
			.satisfies((ex) -> {
				assertThat(ex.getBodyExcerpt()).isEqualTo("error for 138****5678");
				assertThat(ex.getMessage()).doesNotContain("13812345678");
			});
	}

	private static JuheEnvelope parse(JuheOperation operation, int status, String body) {
		return JuheResponseParser.parse(operation, status, body.getBytes(StandardCharsets.UTF_8));
	}

}

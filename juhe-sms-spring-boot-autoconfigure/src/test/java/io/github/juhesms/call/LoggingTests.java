package io.github.juhesms.call;

import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One DEBUG line per call, with the masked mobile and never the key, even with Spring's
 * HTTP client logging at TRACE.
 */
@ExtendWith(OutputCaptureExtension.class)
class LoggingTests extends JuheWireMockTests {

	private static final String[] LOGGERS = { "io.github.juhesms", "org.springframework.web.client",
			"org.springframework.http", "org.springframework.core.retry" };

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void verboseLogging() {
		for (String logger : LOGGERS) {
			this.loggingSystem.setLogLevel(logger, LogLevel.TRACE);
		}
	}

	@AfterEach
	void quietLogging() {
		for (String logger : LOGGERS) {
			this.loggingSystem.setLogLevel(logger, null);
		}
	}

	@Test
	void failingSendLogsOneMaskedLineWithoutTheKey(CapturedOutput output) {
		answer("/smsInternational/send", "{\"reason\":\"手机号码格式错误 7911123456\",\"result\":null,\"error_code\":235710}");
		contextRunner().run((context) -> assertThatExceptionOfType(JuheSmsRejectedException.class)
			.isThrownBy(() -> context.getBean(InternationalSmsClient.class)
				.send(InternationalSmsRequest.of("44", "7911123456", 12)))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("7911123456").contains("791****3456")));
		assertThat(output.getAll().lines().filter((line) -> line.contains("Juhe international.send"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("DEBUG")
				.contains("mobile=447****3456")
				.contains("template=12")
				.contains("outcome=rejected")
				.contains("code=235710")
				.contains("attempts=1")
				.containsPattern("duration=\\d+ms"));
		assertThat(output.getAll()).doesNotContain(KEY).doesNotContain("7911123456");
	}

	@Test
	void busySendIsLoggedOnceWithItsAttempts(CapturedOutput output) {
		answer("/smsInternational/send", "{\"reason\":\"busy\",\"result\":null,\"error_code\":235700}");
		contextRunner().run((context) -> assertThatExceptionOfType(JuheSmsBusyException.class)
			.isThrownBy(() -> context.getBean(InternationalSmsClient.class)
				.send(InternationalSmsRequest.of("44", "7911123456", 12))));
		assertThat(output.getAll().lines().filter((line) -> line.contains("Juhe international.send"))).singleElement()
			.satisfies((line) -> assertThat(line).contains("outcome=busy").contains("attempts=3"));
		assertThat(output.getAll()).doesNotContain(KEY).doesNotContain("7911123456");
	}

	@Test
	void successfulCallsLogNeitherKeyNorMobile(CapturedOutput output) {
		answer("/smsInternational/send", example("international.txt", 1));
		answer("/smsInternational/myTemplates", example("international.txt", 3));
		contextRunner().run((context) -> {
			InternationalSmsClient client = context.getBean(InternationalSmsClient.class);
			client.send(InternationalSmsRequest.of("44", "7911123456", 12));
			client.myTemplates();
		});
		assertThat(output.getAll()).contains("Juhe international.send mobile=447****3456")
			.contains("Juhe international.myTemplates outcome=success")
			.doesNotContain(KEY)
			.doesNotContain("7911123456");
	}

}

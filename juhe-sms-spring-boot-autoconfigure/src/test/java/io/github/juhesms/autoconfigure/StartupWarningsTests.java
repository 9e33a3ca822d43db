package io.github.juhesms.autoconfigure;

import java.util.logging.Level;
import java.util.logging.Logger;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warnings at start-up: a key that would travel in clear over a network, and an HTTP
 * library's wire log that would print it.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupWarningsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JuheSmsAutoConfiguration.class))
		.withPropertyValues("juhe.sms.key=k");

	@ParameterizedTest
	@ValueSource(strings = { "http://v.juhe.cn", "http://127.attacker.example", "http://127.0.0.1.nip.io",
			"http://10.0.0.1", "http://[2001:db8::1]", "http://localhost.attacker.example", "http://999.0.0.1" })
	void plainHttpToAnythingButALoopbackAddressIsOverTheNetwork(String baseUrl) {
		assertThat(JuheSmsRestClientFactory.isPlainHttpOverTheNetwork(baseUrl)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://v.juhe.cn", "http://127.0.0.1:8080", "http://127.1.2.3", "http://localhost:1",
			"http://[::1]:8080", "http://[::ffff:127.0.0.1]" })
	void httpsOrALoopbackAddressIsNot(String baseUrl) {
		assertThat(JuheSmsRestClientFactory.isPlainHttpOverTheNetwork(baseUrl)).isFalse();
	}

	@Test
	void apacheWireLoggingIsWarnedAbout(CapturedOutput output) {
		ch.qos.logback.classic.Logger wire = ((LoggerContext) LoggerFactory.getILoggerFactory())
			.getLogger("org.apache.hc.client5.http.wire");
		wire.setLevel(ch.qos.logback.classic.Level.DEBUG);
		try {
			this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		}
		finally {
			wire.setLevel(null);
		}
		assertThat(output).contains("WARN")
			.contains("HTTP wire logging is on: logger org.apache.hc.client5.http.wire (Apache HttpClient 5)");
	}

	@Test
	void jdkClientLoggingIsWarnedAbout(CapturedOutput output) {
		System.setProperty("jdk.httpclient.HttpClient.log", "requests,content");
		try {
			this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		}
		finally {
			System.clearProperty("jdk.httpclient.HttpClient.log");
		}
		assertThat(output).contains("HTTP wire logging is on: system property jdk.httpclient.HttpClient.log");
	}

	@Test
	void urlConnectionLoggingIsWarnedAbout(CapturedOutput output) {
		Logger logger = Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection");
		logger.setLevel(Level.FINE);
		try {
			this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		}
		finally {
			logger.setLevel(null);
		}
		assertThat(output).contains(
				"HTTP wire logging is on: logger sun.net.www.protocol.http.HttpURLConnection (HttpURLConnection)");
	}

	@Test
	void noWireLoggingNoWarning(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("wire logging");
	}

}

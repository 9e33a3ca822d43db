package io.github.juhesms.sample;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The sample is safe to copy: its send and code endpoints need the API token, a request
 * names at most a few numbers, it listens on loopback only, and it does not start without
 * a token.
 */
@TestPropertySource(properties = "sample.max-numbers-per-request=2")
class SampleProtectionTests extends StubbedJuheTests {

	@Test
	void withoutTheTokenNothingIsSent() {
		for (String path : List.of("/sms/sms-api", "/codes/send", "/sms/financial")) {
			ResponseEntity<String> response = withoutToken().post()
				.uri(path)
				.body(Map.of("mobile", "13812345678", "templateId", 1, "purpose", "login"))
				.retrieve()
				.toEntity(String.class);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
			assertThat(response.getBody()).contains("Missing or wrong API token");
		}
		assertThat(juhe.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void aWrongTokenIsRefused() {
		for (String authorization : List.of("Bearer wrong-token", "Bearer " + TOKEN + "x", TOKEN, "Basic " + TOKEN)) {
			ResponseEntity<String> response = withoutToken().get()
				.uri("/sms/video/templates")
				.header(HttpHeaders.AUTHORIZATION, authorization)
				.retrieve()
				.toEntity(String.class);
			assertThat(response.getStatusCode()).as(authorization).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		assertThat(juhe.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void healthNeedsNoToken() {
		assertThat(withoutToken().get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void aFinancialRequestNamesAtMostTheConfiguredNumbers() {
		List<String> three = IntStream.range(0, 3).mapToObj((i) -> "1381234567" + i).toList();
		for (String path : List.of("/sms/financial", "/sms/financial/by-carrier")) {
			ResponseEntity<String> response = postJson(path, Map.of("mobiles", three, "templateId", 1));
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getBody()).contains("at most 2 numbers per request");
		}
		assertThat(juhe.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Test
	void itListensOnLoopbackOnly() throws Exception {
		InetAddress external = NetworkInterface.networkInterfaces()
			.filter((network) -> !isLoopback(network))
			.flatMap(NetworkInterface::inetAddresses)
			.filter(Inet4Address.class::isInstance)
			.findFirst()
			.orElse(null);
		assumeThat(external).as("a non-loopback address on this machine").isNotNull();
		assertThatException().isThrownBy(() -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(external, this.port), 1000);
			}
		});
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 1000);
		}
	}

	// SpringApplication in AOT mode needs the AOT output of the application itself
	// (process-aot), which the build does not make: the AOT test run prepares test
	// contexts only.
	@Test
	@DisabledIfSystemProperty(named = "spring.aot.enabled", matches = "true",
			disabledReason = "starts SpringApplication outside the test context framework")
	void withoutATokenTheAppDoesNotStart() {
		SpringApplication application = new SpringApplication(SampleApplication.class);
		assertThatException().isThrownBy(() -> application.run("--server.port=0", "--juhe.sms.key=k"))
			.satisfies((ex) -> assertThat(rootMessages(ex)).contains("sample.api-token is required"));
		assertThatException()
			.isThrownBy(() -> application.run("--server.port=0", "--juhe.sms.key=k", "--sample.api-token=short"))
			.satisfies((ex) -> assertThat(rootMessages(ex)).contains("must have at least 16 characters (had 5)")
				.doesNotContain("short"));
	}

	private static boolean isLoopback(NetworkInterface network) {
		try {
			return network.isLoopback() || !network.isUp();
		}
		catch (java.net.SocketException ex) {
			return true;
		}
	}

	private static String rootMessages(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause.getMessage()).append('\n');
		}
		return messages.toString();
	}

	private org.springframework.web.client.RestClient withoutToken() {
		return org.springframework.web.client.RestClient.builder()
			.requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}

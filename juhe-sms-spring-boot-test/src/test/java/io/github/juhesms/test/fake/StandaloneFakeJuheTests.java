package io.github.juhesms.test.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The fake run on its own, as the README's command runs it: a fixed port, the properties
 * to point an application at it, and real answers until the process is stopped.
 */
class StandaloneFakeJuheTests {

	@Test
	void servesOnTheGivenPortUntilStopped() throws Exception {
		int port = freePort();
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), StandaloneFakeJuhe.class.getName(), Integer.toString(port))
			.redirectErrorStream(true)
			.start();
		try {
			List<String> printed = readUntilStopHint(jvm);
			assertThat(printed).contains("  --juhe.sms.base-url=http://127.0.0.1:" + port,
					"  --juhe.sms.international.key=fake-international-key");
			HttpResponse<String> areaCodes = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/smsInternational/areaCode"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("key=fake-international-key"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(areaCodes.body()).contains("\"ename\":\"India\"");
		}
		finally {
			jvm.destroy();
			jvm.waitFor();
		}
	}

	@Test
	void aFixedPortIsUsed() throws IOException {
		int port = freePort();
		try (FakeJuheServer juhe = FakeJuheServer.builder().port(port).key(JuheProduct.VIDEO, "v").start()) {
			assertThat(juhe.port()).isEqualTo(port);
			assertThat(StandaloneFakeJuhe.describe(juhe)).contains("--juhe.sms.video.key=v",
					"--juhe.sms.codes.template-id=" + juhe.verificationCodeTemplate().id());
		}
		assertThatIllegalArgumentException().isThrownBy(() -> FakeJuheServer.builder().port(65536))
			.withMessage("The port must be between 0 and 65535, was 65536");
	}

	@Test
	void argumentsAfterThePortAreAccounts() {
		try (FakeJuheServer juhe = StandaloneFakeJuhe.start("0", "acme", "globex")) {
			assertThat(juhe.accounts()).containsExactly("default", "acme", "globex");
			assertThat(StandaloneFakeJuhe.describe(juhe)).contains(
					"--juhe.sms.accounts.acme.sms-api.key=fake-acme-sms-api-key",
					"--juhe.sms.accounts.globex.codes.template-id="
							+ juhe.account("globex").verificationCodeTemplate().id());
		}
	}

	private static List<String> readUntilStopHint(Process jvm) throws IOException {
		List<String> lines = new ArrayList<>();
		BufferedReader reader = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
		for (String line = reader.readLine(); line != null; line = reader.readLine()) {
			lines.add(line);
			if (line.startsWith("Stop with")) {
				return lines;
			}
		}
		throw new AssertionError("The fake ended before serving: " + lines);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

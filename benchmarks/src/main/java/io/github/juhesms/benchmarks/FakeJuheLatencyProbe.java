package io.github.juhesms.benchmarks;

import java.util.Arrays;
import java.util.Map;

import io.github.juhesms.test.fake.FakeJuheServer;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Times verification-code sends, one after another, through the starter's client (Boot's
 * default, Apache HttpClient 5) against the fake Juhe of juhe-sms-spring-boot-test, as a
 * user's test suite makes them. Prints {@code <median µs> <90th percentile µs> <sends>}.
 * Run with {@code -Dsun.net.httpserver.nodelay=false} to see the fake without
 * TCP_NODELAY.
 */
public final class FakeJuheLatencyProbe {

	private FakeJuheLatencyProbe() {
	}

	/**
	 * Probe the fake.
	 * @param args warm-up sends, measured sends
	 */
	public static void main(String[] args) {
		int warmUp = Integer.parseInt(args[0]);
		int sends = Integer.parseInt(args[1]);
		long[] micros = new long[sends];
		try (FakeJuheServer juhe = FakeJuheServer.start();
				ConfigurableApplicationContext context = application(juhe.properties())) {
			VerificationCodeSmsClient client = context.getBean(VerificationCodeSmsClient.class);
			long templateId = juhe.verificationCodeTemplate().id();
			for (int i = 0; i < warmUp + sends; i++) {
				long start = System.nanoTime();
				client.send("13800138000", templateId, Map.of("code", "123456"));
				if (i >= warmUp) {
					micros[i - warmUp] = (System.nanoTime() - start) / 1000;
				}
				if (i % 1000 == 999) {
					// The outbox would grow for the whole run.
					juhe.reset();
				}
			}
		}
		Arrays.sort(micros);
		System.out.println(micros[sends / 2] + " " + micros[(int) (sends * 0.9)] + " " + sends);
		System.exit(0);
	}

	private static ConfigurableApplicationContext application(Map<String, String> fake) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "juhe.sms.limits.enabled=false");
		fake.forEach((name, value) -> application.properties(name + "=" + value));
		return application.run();
	}

}

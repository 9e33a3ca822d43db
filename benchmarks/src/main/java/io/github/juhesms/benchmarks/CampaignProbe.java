package io.github.juhesms.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialCampaignReport;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.test.fake.StandaloneFakeJuhe;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Financial SMS campaign of many numbers against the fake Juhe, each in a fresh JVM
 * limited to 256 MB of heap, with the fake in another process so that its outbox is not
 * counted. {@code <numbers> <concurrency>...}: prints one line per concurrency,
 * {@code <concurrency> <wall ms> <peak heap MB> <numbers sent>}; the peak is the most
 * heap in use (live or not yet collected) in samples every 5 ms from before the caller's
 * list of numbers is made to the campaign's end.
 */
public final class CampaignProbe {

	private static final int PORT = 18_181;

	private CampaignProbe() {
	}

	/**
	 * Measure, or with {@code run} as the first argument be one measured JVM.
	 * @param args the numbers and the concurrencies
	 * @throws Exception if a process fails
	 */
	public static void main(String[] args) throws Exception {
		if (args[0].equals("run")) {
			run(Integer.parseInt(args[1]), Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
			return;
		}
		int numbers = Integer.parseInt(args[0]);
		for (int i = 1; i < args.length; i++) {
			Process fake = java("-Xmx3g", StandaloneFakeJuhe.class.getName(), List.of(Integer.toString(PORT)));
			try {
				List<String> properties = properties(fake);
				List<String> arguments = new ArrayList<>(List.of("run", Integer.toString(numbers), args[i]));
				arguments.addAll(properties);
				System.out.println(args[i] + " "
						+ BenchmarkReport.lastLine(java("-Xmx256m", CampaignProbe.class.getName(), arguments)));
			}
			finally {
				fake.destroy();
				fake.waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	private static void run(int numbers, int concurrency, List<String> properties) throws InterruptedException {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn")
			.properties(properties.toArray(String[]::new));
		try (ConfigurableApplicationContext context = builder.run()) {
			FinancialSmsClient sms = context.getBean(FinancialSmsClient.class);
			long templateId = sms.submitTemplate("天聚地合", "您的账单#amount#元").templateId();
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			AtomicLong peak = new AtomicLong();
			AtomicBoolean sampling = new AtomicBoolean(true);
			Thread sampler = new Thread(() -> {
				while (sampling.get()) {
					peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
					LockSupport.parkNanos(5_000_000);
				}
			}, "heap-sampler");
			sampler.start();
			List<String> mobiles = new ArrayList<>(numbers);
			String[] prefixes = { "138", "130", "189" };
			for (int i = 0; i < numbers; i++) {
				mobiles.add(prefixes[i % 3] + String.format(Locale.ROOT, "%08d", i));
			}
			long started = System.nanoTime();
			FinancialCampaignReport report = sms
				.campaign(CarrierTemplates.allNetworks(templateId), Map.of("amount", "5"))
				.withConcurrency(concurrency)
				.start(mobiles)
				.await();
			long wallMillis = (System.nanoTime() - started) / 1_000_000;
			sampling.set(false);
			sampler.join();
			System.out.println(String.format(Locale.ROOT, "%d %d %d", wallMillis, peak.get() / (1024 * 1024),
					report.numbersSent()));
		}
		System.exit(0);
	}

	// The fake prints the properties to start an application with, then serves.
	private static List<String> properties(Process fake) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
		List<String> properties = new ArrayList<>();
		for (String line = reader.readLine(); line != null && !line.startsWith("Stop with"); line = reader.readLine()) {
			if (line.strip().startsWith("--")) {
				properties.add(line.strip().substring(2));
			}
		}
		return properties;
	}

	private static Process java(String heap, String mainClass, List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap, "-cp",
						System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

}

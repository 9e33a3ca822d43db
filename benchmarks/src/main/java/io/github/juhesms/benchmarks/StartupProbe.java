package io.github.juhesms.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * Starts the minimal application with or without the starter's auto-configuration and
 * measures the context refresh. {@code with} or {@code without}: one start in this fresh
 * JVM, printing
 * {@code <refresh ms> <bean definitions> <main thread CPU ms during the refresh>}.
 * {@code warm <pairs>}: after ten warm-up pairs, that many starts of each, alternating,
 * in this one JVM, printing {@code <median of the paired differences ms>}.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	/**
	 * Measure.
	 * @param args {@code with}, {@code without}, or {@code warm} and a number of pairs
	 */
	public static void main(String[] args) {
		if (args[0].equals("warm")) {
			int pairs = Integer.parseInt(args[1]);
			List<Double> differences = new ArrayList<>();
			for (int i = 0; i < 10 + pairs; i++) {
				double difference = start(true)[0] - start(false)[0];
				if (i >= 10) {
					differences.add(difference);
				}
			}
			System.out.println(String.format(Locale.ROOT, "%.1f", Statistics.median(differences)));
		}
		else {
			double[] figures = start(args[0].equals("with"));
			System.out.println(String.format(Locale.ROOT, "%.1f %.0f %.1f", figures[0], figures[1], figures[2]));
		}
	}

	static double[] start(boolean withStarter, String... properties) {
		long[] refresh = new long[4];
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "juhe.sms.key=startup-probe-key",
					"juhe.sms.base-url=https://v.juhe.cn")
			.initializers((context) -> {
				refresh[0] = System.nanoTime();
				refresh[2] = threads.getCurrentThreadCpuTime();
			})
			.listeners((ContextRefreshedEvent event) -> {
				refresh[1] = System.nanoTime();
				refresh[3] = threads.getCurrentThreadCpuTime();
			})
			.properties(properties);
		if (!withStarter) {
			builder.properties("spring.autoconfigure.exclude=io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = builder.run()) {
			return new double[] { (refresh[1] - refresh[0]) / 1e6, context.getBeanDefinitionCount(),
					(refresh[3] - refresh[2]) / 1e6 };
		}
	}

}

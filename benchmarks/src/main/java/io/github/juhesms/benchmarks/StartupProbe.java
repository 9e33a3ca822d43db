package io.github.juhesms.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;

/**
 * One start of the minimal application, with or without the starter's auto-configuration, in a
 * fresh JVM. Prints {@code <context refresh ms> <bean definitions>}.
 */
public final class StartupProbe {

	private StartupProbe() {
	}

	/**
	 * Start and measure once.
	 * @param args {@code with} or {@code without}
	 */
	public static void main(String[] args) {
		boolean withStarter = args[0].equals("with");
		AtomicLong refreshStarted = new AtomicLong();
		AtomicLong refreshEnded = new AtomicLong();
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("logging.level.root=warn", "juhe.sms.key=startup-probe-key",
					"juhe.sms.base-url=https://v.juhe.cn")
			.initializers((context) -> refreshStarted.set(System.nanoTime()))
			.listeners((ContextRefreshedEvent event) -> refreshEnded.set(System.nanoTime()));
		if (!withStarter) {
			builder.properties("spring.autoconfigure.exclude=io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = builder.run()) {
			double millis = (refreshEnded.get() - refreshStarted.get()) / 1e6;
			System.out.println(String.format(java.util.Locale.ROOT, "%.1f", millis) + " "
					+ context.getBeanDefinitionCount());
		}
	}

}

package io.github.juhesms.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the template check and the estimate cost a send.
 * {@code <warm-up s> <rounds> <round ms>}: SMS API sends on the in-memory transport, one
 * thread, in alternating rounds of a template whose text is configured (checked against
 * it, rendered and measured by the billing rule, its units passed to the guard) and of
 * one whose text is not (sent unchecked), and a tight loop of {@code estimate(...)}
 * alone; prints {@code <extra ns> [lo,hi] <estimate ns> <unchecked ns>}: the median extra
 * nanoseconds per checked send over the unchecked round just before it (with the 95%
 * interval of the median), the nanoseconds of one estimate, and of one unchecked send.
 */
public final class TemplateCheckProbe {

	private static final long CHECKED = 12;

	private static final long UNCHECKED = 13;

	private TemplateCheckProbe() {
	}

	/**
	 * Measure.
	 * @param args the warm-up seconds, rounds and round milliseconds
	 */
	public static void main(String[] args) {
		long warmUpSeconds = Long.parseLong(args[0]);
		int rounds = Integer.parseInt(args[1]);
		long roundMillis = Long.parseLong(args[2]);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class,
				InMemoryJuhe.Transport.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "juhe.sms.key=" + SendClient.KEY,
					"juhe.sms.limits.enabled=false",
					"juhe.sms.sms-api.templates." + CHECKED + ".text=【聚合数据】#name#，您的验证码是#code#");
		try (ConfigurableApplicationContext context = builder.run()) {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			SmsApiRequest checked = SmsApiRequest.of(SendClient.MOBILE, CHECKED, SendClient.VARIABLES);
			SmsApiRequest unchecked = SmsApiRequest.of(SendClient.MOBILE, UNCHECKED, SendClient.VARIABLES);
			Runnable checkedSend = () -> client.send(checked);
			Runnable uncheckedSend = () -> client.send(unchecked);
			Runnable estimate = () -> client.estimate(checked);
			long until = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
			while (System.nanoTime() < until) {
				checkedSend.run();
				uncheckedSend.run();
				estimate.run();
			}
			List<Double> extra = new ArrayList<>();
			List<Double> base = new ArrayList<>();
			List<Double> estimates = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				double ofUnchecked = Statistics.nanosPerCall(uncheckedSend, roundMillis);
				extra.add(Statistics.nanosPerCall(checkedSend, roundMillis) - ofUnchecked);
				base.add(ofUnchecked);
				estimates.add(Statistics.nanosPerCall(estimate, roundMillis));
			}
			double[] interval = Statistics.medianInterval(extra);
			System.out.println(String.format(Locale.ROOT, "%.0f [%.0f,%.0f] %.0f %.0f", Statistics.median(extra),
					interval[0], interval[1], Statistics.median(estimates), Statistics.median(base)));
		}
		System.exit(0);
	}

}

package io.github.juhesms.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How sending scales, against the loopback stub. {@code async <url> <seconds>}: SMS API
 * sends per second from 16 threads calling {@code send}, then from one thread keeping 16,
 * 64 and 256 {@code sendAsync} in flight (on Boot's application task executor, virtual
 * threads where the JVM has them); prints {@code <sync> <async 16> <async 64>
 * <async 256>}. {@code numbers <url> <seconds>}: Financial sends of 1, 10, 100, 1,000 and
 * 10,000 distinct numbers each, per-number limits on, one thread; prints
 * {@code <numbers>:<µs per number>} for each.
 */
public final class ScaleProbe {

	private ScaleProbe() {
	}

	/**
	 * Measure.
	 * @param args the mode, the stub's URL and the seconds of each measurement
	 * @throws Exception if a send fails
	 */
	public static void main(String[] args) throws Exception {
		boolean async = args[0].equals("async");
		long seconds = Long.parseLong(args[2]);
		boolean virtualThreads = Runtime.version().feature() >= 21;
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "juhe.sms.key=" + SendClient.KEY,
					"juhe.sms.base-url=" + args[1], "juhe.sms.limits.enabled=" + !async,
					"juhe.sms.limits.max-numbers=1000000", "juhe.sms.async.max-in-flight=1024",
					"juhe.sms.financial.template-check.enabled=false",
					"spring.threads.virtual.enabled=" + virtualThreads);
		try (ConfigurableApplicationContext context = builder.run()) {
			if (async) {
				SmsApiClient sms = context.getBean(SmsApiClient.class);
				SmsApiRequest request = SmsApiRequest.of(SendClient.MOBILE, 12, SendClient.VARIABLES);
				sync(sms, request, 2);
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.0f", sync(sms, request, seconds)));
				for (int inFlight : new int[] { 16, 64, 256 }) {
					line.append(String.format(Locale.ROOT, " %.0f", async(sms, request, inFlight, seconds)));
				}
				System.out.println(line);
			}
			else {
				FinancialSmsClient sms = context.getBean(FinancialSmsClient.class);
				numbers(sms, 2);
				System.out.println(numbers(sms, seconds));
			}
		}
		System.exit(0);
	}

	private static double sync(SmsApiClient sms, SmsApiRequest request, long seconds) throws InterruptedException {
		AtomicLong sent = new AtomicLong();
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService threads = Executors.newFixedThreadPool(16);
		for (int i = 0; i < 16; i++) {
			threads.execute(() -> {
				while (System.nanoTime() < until) {
					sms.send(request);
					sent.incrementAndGet();
				}
			});
		}
		threads.shutdown();
		threads.awaitTermination(seconds + 30, TimeUnit.SECONDS);
		return sent.get() / (double) seconds;
	}

	private static double async(SmsApiClient sms, SmsApiRequest request, int inFlight, long seconds)
			throws InterruptedException {
		Semaphore slots = new Semaphore(inFlight);
		AtomicLong sent = new AtomicLong();
		long started = System.nanoTime();
		long until = started + TimeUnit.SECONDS.toNanos(seconds);
		while (System.nanoTime() < until) {
			slots.acquire();
			sms.sendAsync(request).whenComplete((result, failure) -> {
				if (failure == null) {
					sent.incrementAndGet();
				}
				slots.release();
			});
		}
		slots.acquire(inFlight);
		return sent.get() / ((System.nanoTime() - started) / 1e9);
	}

	private static final AtomicLong NEXT = new AtomicLong();

	private static String numbers(FinancialSmsClient sms, long seconds) {
		AtomicLong next = NEXT;
		List<String> figures = new ArrayList<>();
		for (int size : new int[] { 1, 10, 100, 1_000, 10_000 }) {
			// Each send to numbers never sent before, so that every number passes its
			// limits.
			long numbers = 0;
			long started = System.nanoTime();
			long until = started + TimeUnit.SECONDS.toNanos(seconds);
			do {
				List<String> mobiles = new ArrayList<>(size);
				for (int i = 0; i < size; i++) {
					mobiles.add("138" + String.format(Locale.ROOT, "%08d", next.getAndIncrement()));
				}
				sms.send(new FinancialSmsRequest(mobiles, 12, Map.of()));
				numbers += size;
			}
			while (System.nanoTime() < until);
			figures.add(String.format(Locale.ROOT, "%d:%.2f", size, (System.nanoTime() - started) / 1e3 / numbers));
		}
		return String.join(" ", figures);
	}

}

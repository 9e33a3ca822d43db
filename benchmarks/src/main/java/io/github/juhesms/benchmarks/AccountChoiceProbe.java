package io.github.juhesms.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccountResolver;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What named accounts cost. {@code sends <warm-up s> <rounds> <round ms>}: SMS API sends
 * on the in-memory transport, one thread, in alternating rounds of the default account
 * and of a named one chosen by the send options, by a client view and by a resolver, and
 * a tight loop of {@link JuheSmsAccounts#choose} alone; prints
 * {@code <options ns> <view ns> <resolver ns> <choose ns> <default ns>}: the median extra
 * nanoseconds per send of each way over the default-account round just before it (with
 * the 95% interval of the median), the nanoseconds of one choice alone, and of one
 * default-account send. {@code startup <pairs>}: after ten warm-up pairs, starts with ten
 * configured accounts and with none, alternating, in this one JVM; prints the median
 * difference in ms.
 */
public final class AccountChoiceProbe {

	private static final int ACCOUNTS = 10;

	private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

	private AccountChoiceProbe() {
	}

	/**
	 * Measure.
	 * @param args {@code sends} and its settings, or {@code startup} and a number of
	 * pairs
	 * @throws Exception if a send fails
	 */
	public static void main(String[] args) throws Exception {
		if (args[0].equals("startup")) {
			int pairs = Integer.parseInt(args[1]);
			List<Double> differences = new ArrayList<>();
			for (int i = 0; i < 10 + pairs; i++) {
				double difference = StartupProbe.start(true, accountKeys())[0] - StartupProbe.start(true)[0];
				if (i >= 10) {
					differences.add(difference);
				}
			}
			System.out.println(String.format(Locale.ROOT, "%.2f", Statistics.median(differences)));
		}
		else {
			sends(Long.parseLong(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
		}
		System.exit(0);
	}

	private static String[] accountKeys() {
		String[] keys = new String[ACCOUNTS];
		for (int i = 0; i < ACCOUNTS; i++) {
			keys[i] = "juhe.sms.accounts.tenant-" + i + ".key=startup-probe-key-" + i;
		}
		return keys;
	}

	private static void sends(long warmUpSeconds, int rounds, long roundMillis) {
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchApplication.class,
				InMemoryJuhe.Transport.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "juhe.sms.key=" + SendClient.KEY,
					"juhe.sms.limits.enabled=false")
			.properties(accountKeys())
			.initializers((context) -> context.getBeanFactory()
				.registerSingleton("tenantResolver", (JuheSmsAccountResolver) TENANT::get));
		try (ConfigurableApplicationContext context = builder.run()) {
			SmsApiClient client = context.getBean(SmsApiClient.class);
			SmsApiRequest request = SmsApiRequest.of(SendClient.MOBILE, 12, SendClient.VARIABLES);
			SmsApiClient view = client.forAccount("tenant-7");
			SendOptions options = SendOptions.account("tenant-7");
			List<Runnable> modes = List.of(() -> client.send(request), () -> client.send(request, options),
					() -> view.send(request), () -> {
						TENANT.set("tenant-7");
						try {
							client.send(request);
						}
						finally {
							TENANT.remove();
						}
					});
			long until = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
			while (System.nanoTime() < until) {
				modes.forEach(Runnable::run);
			}
			List<List<Double>> extra = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
			List<Double> choose = new ArrayList<>();
			JuheSmsAccounts accounts = context.getBean(JuheSmsAccounts.class);
			List<Double> base = new ArrayList<>();
			for (int round = 0; round < rounds; round++) {
				// Each named mode right after a default round, the modes in turn first,
				// so that none always follows the same one.
				for (int i = 0; i < 3; i++) {
					int mode = 1 + (round + i) % 3;
					double ofDefault = Statistics.nanosPerCall(modes.get(0), roundMillis);
					extra.get(mode - 1).add(Statistics.nanosPerCall(modes.get(mode), roundMillis) - ofDefault);
					base.add(ofDefault);
				}
				choose.add(chooseNanos(accounts, roundMillis));
			}
			StringBuilder line = new StringBuilder();
			for (List<Double> mode : extra) {
				double[] interval = Statistics.medianInterval(mode);
				line.append(String.format(Locale.ROOT, "%.0f [%.0f,%.0f] ", Statistics.median(mode), interval[0],
						interval[1]));
			}
			System.out.println(
					line + String.format(Locale.ROOT, "%.1f %.0f", Statistics.median(choose), Statistics.median(base)));
		}
	}

	// The account's lookup and its key, as every call of a named account makes them.
	private static double chooseNanos(JuheSmsAccounts accounts, long millis) {
		long calls = 0;
		int sink = 0;
		long started = System.nanoTime();
		long until = started + millis * 1_000_000L;
		long now;
		do {
			for (int i = 0; i < 1000; i++) {
				JuheSmsAccount account = accounts.choose(SmsApiClient.SEND, "tenant-7");
				sink += accounts.requireKey(SmsApiClient.SEND, account, JuheProduct.SMS_API).length();
			}
			calls += 1000;
			now = System.nanoTime();
		}
		while (now < until);
		if (sink == 42) {
			System.out.print("");
		}
		return (double) (now - started) / calls;
	}

}

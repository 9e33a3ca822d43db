package io.github.juhesms.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * What the starter's own {@code juhe.sms.client.requests} observation costs a send,
 * beside everything else the starter does.
 * {@code <stub URL> <warm-up s> <rounds> <round ms>}: three clients in one JVM on Apache
 * HttpClient 5, each in rounds at 16 threads, in an order that rotates every round: the
 * starter, the starter with its own observation turned off by an observation predicate,
 * and the hand-written {@code RestClient} call. Prints
 * {@code <with ns> <without ns> <hand-written ns> <observation ns> [lo,hi]
 * <ratio with> <ratio without>}: the median CPU nanoseconds per call of each, the median
 * difference of the first two in a round (with the 95% interval of the median), and the
 * hand-written call's CPU per call over each starter's (calls per CPU second against the
 * hand-written call), medians of the rounds.
 */
public final class ObservationCostProbe {

	private static final int THREADS = 16;

	private static final int WARM_UP_ROUNDS = 8;

	private ObservationCostProbe() {
	}

	/**
	 * Measure.
	 * @param args the stub URL, the single-thread warm-up seconds per client, the rounds
	 * and the round milliseconds
	 * @throws Exception if a client fails
	 */
	public static void main(String[] args) throws Exception {
		String url = args[0];
		long warmUpSeconds = Long.parseLong(args[1]);
		int rounds = Integer.parseInt(args[2]);
		long roundMillis = Long.parseLong(args[3]);
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		List<Double> with = new ArrayList<>();
		List<Double> without = new ArrayList<>();
		List<Double> handWritten = new ArrayList<>();
		List<Double> observation = new ArrayList<>();
		List<Double> ratioWith = new ArrayList<>();
		List<Double> ratioWithout = new ArrayList<>();
		try (SendClient starter = SendClient.create("starter-http-components", url);
				SendClient unobserved = SendClient.create("starter-http-components-unobserved", url);
				SendClient restClient = SendClient.create("restclient-http-components", url)) {
			SendClient[] clients = { starter, unobserved, restClient };
			for (SendClient client : clients) {
				client.compileWarmUp(warmUpSeconds);
			}
			for (int round = 0; round < WARM_UP_ROUNDS + rounds; round++) {
				double[] cpu = new double[clients.length];
				for (int turn = 0; turn < clients.length; turn++) {
					int client = (round + turn) % clients.length;
					long cpuBefore = os.getProcessCpuTime();
					long calls = ClientCpuTime.run(clients[client], THREADS, roundMillis, new LongAdder());
					cpu[client] = (double) (os.getProcessCpuTime() - cpuBefore) / Math.max(calls, 1);
				}
				if (round >= WARM_UP_ROUNDS) {
					with.add(cpu[0]);
					without.add(cpu[1]);
					handWritten.add(cpu[2]);
					observation.add(cpu[0] - cpu[1]);
					ratioWith.add(cpu[2] / cpu[0]);
					ratioWithout.add(cpu[2] / cpu[1]);
				}
			}
		}
		double[] interval = Statistics.medianInterval(observation);
		System.out
			.println(String.format(Locale.ROOT, "%.0f %.0f %.0f %.0f [%.0f,%.0f] %.3f %.3f", Statistics.median(with),
					Statistics.median(without), Statistics.median(handWritten), Statistics.median(observation),
					interval[0], interval[1], Statistics.median(ratioWith), Statistics.median(ratioWithout)));
		System.exit(0);
	}

}

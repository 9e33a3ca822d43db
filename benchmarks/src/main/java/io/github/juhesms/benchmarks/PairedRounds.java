package io.github.juhesms.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * The starter and the hand-written {@code RestClient} call in one JVM, on the same
 * transport, in alternating short rounds at the same thread count: each pair of rounds
 * shares the machine's state of the moment (the stub, the other processes, the JIT's
 * progress), which separate JMH runs do not. Prints, on one line,
 * {@code <starter calls/s>,<hand-written calls/s>,<starter CPU ns/call>,<hand-written CPU ns/call>}
 * for every pair, pairs separated by {@code ;}.
 */
public final class PairedRounds {

	private PairedRounds() {
	}

	/**
	 * Measure.
	 * @param args transport ({@code http-components} or {@code jdk}), stub URL, threads,
	 * compile warm-up seconds per client, warm-up pairs, measured pairs, round
	 * milliseconds
	 * @throws Exception if a client fails
	 */
	public static void main(String[] args) throws Exception {
		String transport = args[0];
		String url = args[1];
		int threads = Integer.parseInt(args[2]);
		long compileWarmUp = Long.parseLong(args[3]);
		int warmUpPairs = Integer.parseInt(args[4]);
		int pairs = Integer.parseInt(args[5]);
		long roundMillis = Long.parseLong(args[6]);
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		List<String> measured = new ArrayList<>();
		try (SendClient starter = SendClient.create("starter-" + transport, url);
				SendClient handWritten = SendClient.create("restclient-" + transport, url)) {
			starter.compileWarmUp(compileWarmUp);
			handWritten.compileWarmUp(compileWarmUp);
			for (int pair = 0; pair < warmUpPairs + pairs; pair++) {
				// Which client goes first alternates, so neither always follows the
				// other's load.
				boolean starterFirst = (pair % 2 == 0);
				double[] first = round(starterFirst ? starter : handWritten, threads, roundMillis, os);
				double[] second = round(starterFirst ? handWritten : starter, threads, roundMillis, os);
				double[] ofStarter = starterFirst ? first : second;
				double[] ofHandWritten = starterFirst ? second : first;
				if (pair >= warmUpPairs) {
					measured.add(String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", ofStarter[0], ofHandWritten[0],
							ofStarter[1], ofHandWritten[1]));
				}
			}
		}
		System.out.println(String.join(";", measured));
		System.exit(0);
	}

	// calls per second and process CPU nanoseconds per call over one round
	private static double[] round(SendClient client, int threads, long millis, OperatingSystemMXBean os)
			throws InterruptedException {
		long cpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		long calls = ClientCpuTime.run(client, threads, millis, new LongAdder());
		double seconds = (System.nanoTime() - started) / 1e9;
		long cpu = os.getProcessCpuTime() - cpuBefore;
		return new double[] { calls / seconds, (double) cpu / Math.max(calls, 1) };
	}

}

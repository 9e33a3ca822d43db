package io.github.juhesms.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import com.sun.management.OperatingSystemMXBean;

/**
 * CPU time the client spends per call: this JVM's process CPU time (caller threads, the
 * HTTP library's own threads, GC and JIT) over the calls made, while the stub runs in
 * another process. Prints {@code <cpu ns per call> <calls per second> <failed calls>}.
 */
public final class ClientCpuTime {

	private ClientCpuTime() {
	}

	/**
	 * Measure one client.
	 * @param args client name, stub URL, threads, warm-up seconds (half from one thread,
	 * half from all), measured seconds
	 * @throws Exception if the client fails
	 */
	public static void main(String[] args) throws Exception {
		String name = args[0];
		String url = args[1];
		int threads = Integer.parseInt(args[2]);
		long warmupMillis = Long.parseLong(args[3]) * 1000;
		long measureMillis = Long.parseLong(args[4]) * 1000;
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		try (SendClient client = SendClient.create(name, url)) {
			client.compileWarmUp(warmupMillis / 2000);
			run(client, threads, warmupMillis / 2, new LongAdder());
			LongAdder failures = new LongAdder();
			long cpuBefore = os.getProcessCpuTime();
			long started = System.nanoTime();
			long calls = run(client, threads, measureMillis, failures);
			long cpu = os.getProcessCpuTime() - cpuBefore;
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.println((cpu / Math.max(calls, 1)) + " " + Math.round(calls / seconds) + " " + failures.sum());
		}
		System.exit(0);
	}

	/**
	 * Call the client from that many threads for a while.
	 * @param client the client
	 * @param threads the caller threads
	 * @param millis how long
	 * @param failures counts the calls that threw
	 * @return the calls that succeeded
	 * @throws InterruptedException if interrupted while waiting
	 */
	static long run(SendClient client, int threads, long millis, LongAdder failures) throws InterruptedException {
		LongAdder calls = new LongAdder();
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread worker = new Thread(() -> {
				while (running.get()) {
					try {
						client.send();
						calls.increment();
					}
					catch (Exception ex) {
						failures.increment();
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		Thread.sleep(millis);
		running.set(false);
		for (Thread worker : workers) {
			worker.join();
		}
		return calls.sum();
	}

}

package io.github.juhesms.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.juhesms.call.CodecBenchmark;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every measurement in one go and writes the report: JMH throughput, average time
 * and allocation of each client at 1 and 16 threads, the codec micro-benchmarks, client
 * CPU time per call, context refresh time with and without the starter, and failures on
 * stale connections.
 */
public final class BenchmarkReport {

	// -Djuhe.bench.quick=true: one short iteration of everything, to check the report end
	// to end.
	private static final boolean QUICK = Boolean.getBoolean("juhe.bench.quick");

	// Each client is first called from one thread, so the JIT is not starved of CPU by
	// the measured threads (see SendClient#compileWarmUp); then warm-up iterations at the
	// measured thread count.
	static final int COMPILE_WARM_UP_SECONDS = 20;

	static final int WARM_UP_ITERATIONS = 10;

	// One JVM's compilation, and the machine's load while it runs, can decide a client's
	// figure: two forks per client spread both.
	static final int FORKS = 2;

	static final int CPU_WARM_UP_SECONDS = 40;

	static final int CPU_MEASURED_SECONDS = 10;

	static final int CPU_RUNS = 3;

	// The starter and the hand-written call alternate in rounds of this length in one
	// JVM, after a compile warm-up of each and some unrecorded pairs; fresh JVMs, their
	// pairs pooled.
	static final int ROUND_MILLIS = 2000;

	static final int PAIRED_WARM_UP_PAIRS = 10;

	static final int PAIRS_PER_RUN = 20;

	static final int PAIRED_RUNS = 3;

	// Single cold starts on this machine differ by 100-200 ms (standard deviation of a
	// paired difference, about 150 ms): 300 pairs bring the median's interval to about
	// plus or minus 18 ms. They are taken in batches between the other phases, so one
	// busy stretch of the shared machine cannot decide the median: in one batch of 200
	// pairs it moved by 15-30 ms from run to run. Five batches: before the first phase
	// and after each of the next four.
	static final int STARTUP_PAIRS_PER_BATCH = 60;

	static final List<String> IN_MEMORY_CLIENTS = List.of("starter-in-memory", "restclient-in-memory");

	static final List<String> CLIENTS = List.of("starter-jdk", "starter-http-components", "restclient-jdk",
			"restclient-http-components", "raw-jdk-httpclient", "raw-apache-httpclient5", "urlconnection-query");

	private final List<String> lines = new ArrayList<>();

	private BenchmarkReport() {
	}

	/**
	 * Measure and write the report.
	 * @param args the report's path
	 * @throws Exception if a measurement fails
	 */
	public static void main(String[] args) throws Exception {
		new BenchmarkReport().run(Path.of(args[0]));
		System.exit(0);
	}

	private void run(Path report) throws Exception {
		Startup startup = new Startup();
		coldStarts(startup);
		Map<String, Figures> one = withStub((url) -> send(url, 1));
		coldStarts(startup);
		Map<String, Figures> sixteen = withStub((url) -> send(url, 16));
		coldStarts(startup);
		Map<String, Figures> inMemory = inMemory();
		Collection<RunResult> codec = codec();
		coldStarts(startup);
		Map<String, long[]> cpu = withStub(BenchmarkReport::cpuTime);
		coldStarts(startup);
		List<double[]> paired = withStub(BenchmarkReport::paired);
		String observationCost = withStub((url) -> lastLine(run(ObservationCostProbe.class.getName(),
				List.of(url, QUICK ? "1" : "15", QUICK ? "2" : "20", String.valueOf(ROUND_MILLIS)))));
		startup.warmDifference = Double
			.parseDouble(lastLine(run(StartupProbe.class.getName(), List.of("warm", QUICK ? "2" : "40"))));
		Map<String, int[]> stale = stale();
		Map<String, long[]> fakeLatency = fakeLatency();
		String[] accounts = accounts();
		String templateChecks = lastLine(
				run(TemplateCheckProbe.class.getName(), List.of(QUICK ? "2" : "30", QUICK ? "2" : "60", "300")));
		List<String> campaigns = lines(
				run(CampaignProbe.class.getName(), List.of(QUICK ? "30000" : "1000000", "1", "4", "16")));
		String[] scale = withStub((url) -> new String[] {
				lastLine(run(ScaleProbe.class.getName(), List.of("async", url, QUICK ? "2" : "10"))),
				lastLine(run(ScaleProbe.class.getName(), List.of("numbers", url, QUICK ? "2" : "10"))) });
		String admission = lastLine(
				run(AdmissionProbe.class.getName(), List.of(QUICK ? "1" : "10", QUICK ? "300" : "1500")));
		write(report, one, sixteen, inMemory, codec, cpu, paired, observationCost, startup, stale, fakeLatency,
				accounts, templateChecks, campaigns, scale, admission);
	}

	// A fresh stub for each phase, so no phase inherits another's idle connections or
	// warm state.
	private static <T> T withStub(StubPhase<T> phase) throws Exception {
		Process stub = start(LoopbackStub.class.getName(), List.of());
		try {
			String url = "http://127.0.0.1:" + firstLine(stub);
			warmUp(url);
			return phase.run(url);
		}
		finally {
			stub.destroy();
			stub.waitFor();
		}
	}

	// A cold stub would make the first client measured look slower than the ones after
	// it.
	private static void warmUp(String url) throws Exception {
		try (SendClient client = SendClient.create("raw-apache-httpclient5", url)) {
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(QUICK ? 1 : 15);
			List<Thread> threads = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Thread thread = new Thread(() -> {
					while (System.nanoTime() < until) {
						try {
							client.send();
						}
						catch (Exception ex) {
							// warming up only
						}
					}
				});
				thread.start();
				threads.add(thread);
			}
			for (Thread thread : threads) {
				thread.join();
			}
		}
	}

	// Average time per call is not measured apart: in a closed loop it is the threads
	// divided by the throughput, which halves the run time.
	private Map<String, Figures> send(String url, int threads) throws RunnerException {
		return throughput(options(SendBenchmark.class, threads, url).forks(FORKS), threads, WARM_UP_ITERATIONS);
	}

	// The code above the transport alone: the starter and the hand-written call on a
	// transport that answers from memory, one thread, so that nothing but that code is
	// measured.
	private Map<String, Figures> inMemory() throws RunnerException {
		return throughput(options(SendBenchmark.class, 1, "https://v.juhe.cn").param("client",
				IN_MEMORY_CLIENTS.toArray(String[]::new)), 1, 10);
	}

	private static Map<String, Figures> throughput(ChainedOptionsBuilder options, int threads, int warmUpIterations)
			throws RunnerException {
		Map<String, Figures> figures = new LinkedHashMap<>();
		for (RunResult result : new Runner(options.mode(Mode.Throughput)
			.timeUnit(TimeUnit.SECONDS)
			.warmupIterations(QUICK ? 1 : warmUpIterations)
			.measurementIterations(QUICK ? 1 : 5)
			.addProfiler(GCProfiler.class)
			.build()).run()) {
			figures.put(result.getParams().getParam("client"), new Figures(threads, result.getPrimaryResult(),
					result.getSecondaryResults().get("gc.alloc.rate.norm")));
		}
		return figures;
	}

	private Collection<RunResult> codec() throws RunnerException {
		return new Runner(options(CodecBenchmark.class, 1, "").mode(Mode.AverageTime)
			.timeUnit(TimeUnit.NANOSECONDS)
			.warmupIterations(QUICK ? 1 : 3)
			.measurementIterations(QUICK ? 1 : 5)
			.addProfiler(GCProfiler.class)
			.build()).run();
	}

	private static ChainedOptionsBuilder options(Class<?> benchmark, int threads, String url) {
		return new OptionsBuilder().include(benchmark.getSimpleName())
			.threads(threads)
			.forks(1)
			.warmupTime(TimeValue.seconds(2))
			.measurementTime(TimeValue.seconds(2))
			.jvmArgsAppend("-Xmx1g", "-Djuhe.bench.url=" + url,
					"-Djuhe.bench.compile-warm-up=" + (QUICK ? 1 : COMPILE_WARM_UP_SECONDS));
	}

	// Rounds over all clients, each run in a fresh JVM; per client the run with the
	// median CPU time is kept. How well the JIT compiles the deep Spring call paths
	// differs from one JVM to the next.
	private static Map<String, long[]> cpuTime(String url) throws Exception {
		Map<String, List<long[]>> runs = new LinkedHashMap<>();
		for (int round = 0; round < (QUICK ? 1 : CPU_RUNS); round++) {
			for (String client : CLIENTS) {
				String[] answer = lastLine(run(ClientCpuTime.class.getName(),
						List.of(client, url, "16", String.valueOf(QUICK ? 2 : CPU_WARM_UP_SECONDS),
								String.valueOf(QUICK ? 2 : CPU_MEASURED_SECONDS))))
					.split(" ");
				runs.computeIfAbsent(client, (key) -> new ArrayList<>())
					.add(new long[] { Long.parseLong(answer[0]), Long.parseLong(answer[1]),
							Long.parseLong(answer[2]) });
			}
		}
		Map<String, long[]> cpu = new LinkedHashMap<>();
		runs.forEach((client, figures) -> {
			figures.sort(Comparator.comparingLong((long[] figure) -> figure[0]));
			long[] median = figures.get(figures.size() / 2).clone();
			median[2] = figures.stream().mapToLong((figure) -> figure[2]).sum();
			cpu.put(client, median);
		});
		return cpu;
	}

	// The pairs of rounds of every run: starter calls/s, hand-written calls/s, and the
	// CPU ns per call of each.
	private static List<double[]> paired(String url) throws Exception {
		List<double[]> pairs = new ArrayList<>();
		for (int run = 0; run < (QUICK ? 1 : PAIRED_RUNS); run++) {
			String answer = lastLine(run(PairedRounds.class.getName(),
					List.of("http-components", url, "16", String.valueOf(QUICK ? 1 : COMPILE_WARM_UP_SECONDS),
							String.valueOf(QUICK ? 1 : PAIRED_WARM_UP_PAIRS), String.valueOf(QUICK ? 2 : PAIRS_PER_RUN),
							String.valueOf(ROUND_MILLIS))));
			for (String pair : answer.split(";")) {
				String[] figures = pair.split(",");
				pairs.add(new double[] { Double.parseDouble(figures[0]), Double.parseDouble(figures[1]),
						Double.parseDouble(figures[2]), Double.parseDouble(figures[3]) });
			}
		}
		return pairs;
	}

	// One batch of fresh JVMs, with and without the starter in turn, so a pair shares the
	// machine's state of the moment, and which of the two starts first alternates.
	private static void coldStarts(Startup startup) throws Exception {
		for (int i = 0; i < (QUICK ? 2 : STARTUP_PAIRS_PER_BATCH); i++) {
			boolean withFirst = (i % 2 == 0);
			String[] first = startOnce(withFirst);
			String[] second = startOnce(!withFirst);
			startup.add(withFirst ? first : second, withFirst ? second : first);
		}
		startup.batchEnds.add(startup.differences.size());
	}

	// <refresh ms> <bean definitions> <main thread CPU ms during the refresh>
	private static String[] startOnce(boolean withStarter) throws Exception {
		return lastLine(run(StartupProbe.class.getName(), List.of(withStarter ? "with" : "without"))).split(" ");
	}

	// A stub whose keep-alive ends after one idle second, and sends after 0.9-1.2 s of
	// silence.
	private static Map<String, int[]> stale() throws Exception {
		Process stub = start(LoopbackStub.class.getName(),
				List.of("-Dsun.net.httpserver.idleInterval=1", "-Dsun.net.httpserver.clockTick=20"));
		String url = "http://127.0.0.1:" + firstLine(stub);
		Map<String, int[]> failures = new LinkedHashMap<>();
		try {
			for (String client : List.of("starter-jdk", "starter-http-components")) {
				String[] answer = lastLine(run(StaleConnectionProbe.class.getName(),
						List.of(client, url, QUICK ? "3" : "40", "900", "1200")))
					.split(" ");
				failures.put(client, new int[] { Integer.parseInt(answer[0]), Integer.parseInt(answer[1]) });
			}
		}
		finally {
			stub.destroy();
		}
		return failures;
	}

	// The fake as it ships (TCP_NODELAY), and as it was, each in a JVM of its own: the
	// JDK reads the setting once.
	private static Map<String, long[]> fakeLatency() throws Exception {
		Map<String, long[]> latency = new LinkedHashMap<>();
		for (boolean noDelay : new boolean[] { true, false }) {
			String[] figures = lastLine(
					run(FakeJuheLatencyProbe.class.getName(), List.of("-Dsun.net.httpserver.nodelay=" + noDelay),
							List.of(QUICK ? "50" : "500", QUICK ? "100" : "2000")))
				.split(" ");
			latency.put(noDelay ? "TCP_NODELAY (as shipped)" : "without TCP_NODELAY (before)",
					new long[] { Long.parseLong(figures[0]), Long.parseLong(figures[1]), Long.parseLong(figures[2]) });
		}
		return latency;
	}

	// What choosing a named account costs a send, and ten configured accounts a start-up.
	private static String[] accounts() throws Exception {
		String sends = lastLine(run(AccountChoiceProbe.class.getName(),
				List.of("sends", QUICK ? "2" : "30", QUICK ? "2" : "60", "300")));
		String startup = lastLine(run(AccountChoiceProbe.class.getName(), List.of("startup", QUICK ? "2" : "40")));
		return new String[] { sends, startup };
	}

	private static Process start(String mainClass, List<String> jvmArguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	private static Process run(String mainClass, List<String> arguments) throws IOException {
		return run(mainClass, List.of(), arguments);
	}

	private static Process run(String mainClass, List<String> jvmArguments, List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	// Every line a probe printed, once it exited well. (The stub prints its port first
	// and keeps running: it is read elsewhere.)
	private static List<String> lines(Process process) throws IOException, InterruptedException {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					lines.add(line.strip());
				}
			}
		}
		if (process.waitFor() != 0 || lines.isEmpty()) {
			throw new IllegalStateException("A probe failed: " + process.info().commandLine().orElse(""));
		}
		return lines;
	}

	// A probe prints its figures last and exits.
	static String lastLine(Process process) throws IOException, InterruptedException {
		List<String> lines = lines(process);
		return lines.get(lines.size() - 1);
	}

	private static String firstLine(Process process) throws IOException {
		BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line = reader.readLine();
		if (line == null) {
			throw new IllegalStateException("No output from " + process.info().commandLine().orElse("a probe"));
		}
		return line.strip();
	}

	private void write(Path report, Map<String, Figures> one, Map<String, Figures> sixteen,
			Map<String, Figures> inMemory, Collection<RunResult> codec, Map<String, long[]> cpu, List<double[]> paired,
			String observationCost, Startup startup, Map<String, int[]> stale, Map<String, long[]> fakeLatency,
			String[] accounts, String templateChecks, List<String> campaigns, String[] scale, String admission)
			throws IOException {
		ReportWriter writer = new ReportWriter(this.lines);
		writer.header(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		writer.sendFigures(1, one);
		writer.sendFigures(16, sixteen);
		writer.targets(one, sixteen, inMemory, cpu, paired);
		writer.paired(paired);
		writer.observationCost(observationCost);
		writer.cpu(cpu);
		writer.inMemory(inMemory);
		writer.codec(codec);
		writer.startup(startup);
		writer.stale(stale);
		writer.fakeLatency(fakeLatency);
		writer.accounts(accounts[0], accounts[1]);
		writer.templateChecks(templateChecks);
		writer.campaigns(campaigns);
		writer.scale(scale[0], scale[1]);
		writer.admission(admission);
		writer.transportChoice(sixteen, cpu, stale);
		writer.changes();
		Files.write(report, this.lines, StandardCharsets.UTF_8);
	}

	/**
	 * The JMH results of one client at one thread count.
	 *
	 * @param threads the caller threads
	 * @param throughput calls per second, with its error
	 * @param allocation bytes allocated per call
	 */
	record Figures(int threads, Result<?> throughput, Result<?> allocation) {

		/**
		 * Average time per call in microseconds: the threads divided by the throughput.
		 * @return the average time
		 */
		double averageMicros() {
			return this.threads * 1e6 / this.throughput.getScore();
		}

		/**
		 * The error of the average time, from the relative error of the throughput.
		 * @return the error in microseconds
		 */
		double averageMicrosError() {
			return averageMicros() * this.throughput.getScoreError() / this.throughput.getScore();
		}

	}

	/**
	 * Context refresh times with and without the starter, and the main thread's CPU time
	 * during them.
	 */
	static final class Startup {

		final List<Double> with = new ArrayList<>();

		final List<Double> without = new ArrayList<>();

		final List<Double> differences = new ArrayList<>();

		final List<Double> cpuDifferences = new ArrayList<>();

		final double[] beans = new double[2];

		// The number of pairs after each batch.
		final List<Integer> batchEnds = new ArrayList<>();

		double warmDifference;

		void add(String[] with, String[] without) {
			this.with.add(Double.parseDouble(with[0]));
			this.without.add(Double.parseDouble(without[0]));
			this.differences.add(Double.parseDouble(with[0]) - Double.parseDouble(without[0]));
			this.cpuDifferences.add(Double.parseDouble(with[2]) - Double.parseDouble(without[2]));
			this.beans[0] = Double.parseDouble(with[1]);
			this.beans[1] = Double.parseDouble(without[1]);
		}

	}

	@FunctionalInterface
	interface StubPhase<T> {

		T run(String url) throws Exception;

	}

	static String format(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%,.0f" : "%.2f", value);
	}

}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * Runs every measurement in one go and writes the report: JMH throughput, average time and
 * allocation of each client at 1 and 16 threads, the codec micro-benchmarks, client CPU time per
 * call, context refresh time with and without the starter, and failures on stale connections.
 */
public final class BenchmarkReport {

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
		Process stub = start(LoopbackStub.class.getName(), List.of());
		String url = "http://127.0.0.1:" + firstLine(stub);
		try {
			Map<String, Figures> one = send(url, 1);
			Map<String, Figures> sixteen = send(url, 16);
			Collection<RunResult> codec = codec();
			Map<String, long[]> cpu = cpuTime(url);
			Map<String, List<double[]>> startup = startup();
			Map<String, int[]> stale = stale();
			write(report, one, sixteen, codec, cpu, startup, stale);
		}
		finally {
			stub.destroy();
		}
	}

	private Map<String, Figures> send(String url, int threads) throws RunnerException {
		Map<String, Figures> figures = new LinkedHashMap<>();
		for (RunResult result : new Runner(options(SendBenchmark.class, threads, url).mode(Mode.Throughput)
			.timeUnit(TimeUnit.SECONDS)
			.addProfiler(GCProfiler.class)
			.build()).run()) {
			Figures f = figures.computeIfAbsent(result.getParams().getParam("client"), (key) -> new Figures());
			f.throughput = result.getPrimaryResult();
			f.allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
		}
		for (RunResult result : new Runner(options(SendBenchmark.class, threads, url).mode(Mode.AverageTime)
			.timeUnit(TimeUnit.MICROSECONDS)
			.build()).run()) {
			figures.get(result.getParams().getParam("client")).averageTime = result.getPrimaryResult();
		}
		return figures;
	}

	private Collection<RunResult> codec() throws RunnerException {
		return new Runner(options(CodecBenchmark.class, 1, "").mode(Mode.AverageTime)
			.timeUnit(TimeUnit.NANOSECONDS)
			.addProfiler(GCProfiler.class)
			.build()).run();
	}

	private static ChainedOptionsBuilder options(Class<?> benchmark, int threads, String url) {
		return new OptionsBuilder().include(benchmark.getSimpleName())
			.threads(threads)
			.forks(1)
			.warmupIterations(2)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(4)
			.measurementTime(TimeValue.seconds(2))
			.jvmArgsAppend("-Xmx1g", "-Djuhe.bench.url=" + url);
	}

	private static Map<String, long[]> cpuTime(String url) throws Exception {
		Map<String, long[]> cpu = new LinkedHashMap<>();
		for (String client : CLIENTS) {
			String[] answer = firstLine(run(ClientCpuTime.class.getName(), List.of(client, url, "16", "5", "5")))
				.split(" ");
			cpu.put(client, new long[] { Long.parseLong(answer[0]), Long.parseLong(answer[1]) });
		}
		return cpu;
	}

	// Fresh JVMs, with and without the starter in turn, so neither gains from the other's warm caches.
	private static Map<String, List<double[]>> startup() throws Exception {
		Map<String, List<double[]>> runs = new LinkedHashMap<>();
		runs.put("without", new ArrayList<>());
		runs.put("with", new ArrayList<>());
		for (int i = 0; i < 9; i++) {
			for (String mode : runs.keySet()) {
				String[] answer = firstLine(run(StartupProbe.class.getName(), List.of(mode))).split(" ");
				runs.get(mode).add(new double[] { Double.parseDouble(answer[0]), Double.parseDouble(answer[1]) });
			}
		}
		return runs;
	}

	// A stub whose keep-alive ends after one idle second, and sends after 0.9-1.2 s of silence.
	private static Map<String, int[]> stale() throws Exception {
		Process stub = start(LoopbackStub.class.getName(),
				List.of("-Dsun.net.httpserver.idleInterval=1", "-Dsun.net.httpserver.clockTick=20"));
		String url = "http://127.0.0.1:" + firstLine(stub);
		Map<String, int[]> failures = new LinkedHashMap<>();
		try {
			for (String client : List.of("starter-jdk", "starter-http-components", "raw-jdk-httpclient",
					"raw-apache-httpclient5")) {
				String[] answer = firstLine(run(StaleConnectionProbe.class.getName(), List.of(client, url, "40", "900", "1200")))
					.split(" ");
				failures.put(client, new int[] { Integer.parseInt(answer[0]), Integer.parseInt(answer[1]) });
			}
		}
		finally {
			stub.destroy();
		}
		return failures;
	}

	private static Process start(String mainClass, List<String> jvmArguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArguments);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	private static Process run(String mainClass, List<String> arguments) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"), mainClass));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
			Collection<RunResult> codec, Map<String, long[]> cpu, Map<String, List<double[]>> startup,
			Map<String, int[]> stale) throws IOException {
		ReportWriter writer = new ReportWriter(this.lines);
		writer.header(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
		writer.sendFigures(1, one);
		writer.sendFigures(16, sixteen);
		writer.targets(sixteen);
		writer.cpu(cpu);
		writer.codec(codec);
		writer.startup(startup);
		writer.stale(stale);
		writer.transportChoice(sixteen, cpu, stale);
		Files.write(report, this.lines, StandardCharsets.UTF_8);
	}

	/**
	 * The JMH results of one client at one thread count.
	 */
	static final class Figures {

		Result<?> throughput;

		Result<?> averageTime;

		Result<?> allocation;

	}

	static String format(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%,.0f" : "%.2f", value);
	}

	static double median(List<double[]> runs, int index) {
		double[] values = runs.stream().mapToDouble((run) -> run[index]).sorted().toArray();
		return values[values.length / 2];
	}

}

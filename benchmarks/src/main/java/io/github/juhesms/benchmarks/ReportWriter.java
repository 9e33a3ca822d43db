package io.github.juhesms.benchmarks;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import static io.github.juhesms.benchmarks.BenchmarkReport.format;
import static io.github.juhesms.benchmarks.BenchmarkReport.median;

/**
 * Writes {@code docs/benchmarks.md} from the figures.
 */
final class ReportWriter {

	private static final Map<String, String> LABELS = Map.of("starter-jdk", "starter, JDK HttpClient",
			"starter-http-components", "starter, Apache HttpClient 5", "restclient-jdk",
			"hand-written RestClient, JDK HttpClient", "restclient-http-components",
			"hand-written RestClient, Apache HttpClient 5", "raw-jdk-httpclient", "raw JDK HttpClient",
			"raw-apache-httpclient5", "raw Apache HttpClient 5 (pooled)", "urlconnection-query",
			"HttpURLConnection per call, parameters in the query");

	private final List<String> lines;

	ReportWriter(List<String> lines) {
		this.lines = lines;
	}

	void header(LocalDate date, int cores, String jdk) {
		add("# Benchmarks: the starter's cost per call");
		add("");
		add("Measured on " + date + " on this project's build machine: " + cores + " cores, " + jdk
				+ ". Written by `./mvnw -Pbenchmarks -pl benchmarks -am verify -DskipTests`, which runs every "
				+ "measurement below and rewrites this file.");
		add("");
		add("Every client does the same work: a form POST of an SMS API send with two template variables "
				+ "(`vars`), then parse the JSON envelope and read `sid` and `fee`. The server is a loopback stub "
				+ "(the JDK's HTTP server, keep-alive, TCP_NODELAY, no logging) that answers the SMS API "
				+ "document's success response; it runs in its own process. The machine is shared and has two "
				+ "cores, which the stub and the clients compete for: compare ratios, not absolute numbers.");
		add("");
		add("Method: JMH 1.37, one fork per client, 2 warm-up iterations of 2 s, 4 measured iterations of 2 s; "
				+ "errors are JMH's 99.9% confidence half-widths. Allocation is JMH's `gc.alloc.rate.norm` "
				+ "(bytes per call, caller side). The starter runs as an application would run it: Boot's "
				+ "`RestClient.Builder`, Micrometer observations recording meters (the starter's "
				+ "`juhe.sms.client.requests` and Boot's `http.client.requests`), retry enabled, send events "
				+ "published; only the per-number send limits are off, since every call goes to one number.");
		add("");
	}

	void sendFigures(int threads, Map<String, BenchmarkReport.Figures> figures) {
		add("## Sends, " + threads + " caller thread" + ((threads > 1) ? "s" : ""));
		add("");
		add("| client | throughput (calls/s) | average time (µs/call) | allocation (B/call) | vs hand-written RestClient, same transport | vs raw Apache HttpClient 5 | vs raw JDK HttpClient |");
		add("|---|---|---|---|---|---|---|");
		double rawApache = score(figures, "raw-apache-httpclient5");
		double rawJdk = score(figures, "raw-jdk-httpclient");
		figures.forEach((client, f) -> {
			String sameTransport = client.startsWith("starter-")
					? ratio(f.throughput.getScore(), score(figures, client.replace("starter-", "restclient-"))) : "";
			add("| " + LABELS.get(client) + " | " + withError(f.throughput) + " | " + withError(f.averageTime) + " | "
					+ format(f.allocation.getScore()) + " | " + sameTransport + " | "
					+ ratio(f.throughput.getScore(), rawApache) + " | " + ratio(f.throughput.getScore(), rawJdk) + " |");
		});
		add("");
	}

	void targets(Map<String, BenchmarkReport.Figures> sixteen) {
		add("## Targets (16 threads)");
		add("");
		for (String transport : List.of("http-components", "jdk")) {
			BenchmarkReport.Figures starter = sixteen.get("starter-" + transport);
			BenchmarkReport.Figures handWritten = sixteen.get("restclient-" + transport);
			double throughput = starter.throughput.getScore() / handWritten.throughput.getScore();
			double allocation = starter.allocation.getScore() / handWritten.allocation.getScore();
			add("- " + LABELS.get("starter-" + transport) + ": throughput " + format(throughput)
					+ " of the hand-written RestClient on the same transport (target at least 0.90: "
					+ met(throughput >= 0.90) + "), allocation " + format(allocation) + " times (target at most 1.5: "
					+ met(allocation <= 1.5) + ").");
		}
		double starterDefault = score(sixteen, "starter-http-components");
		double rawJdk = score(sixteen, "raw-jdk-httpclient");
		add("- The starter on its default transport (Apache HttpClient 5) against a raw JDK `HttpClient`: "
				+ format(starterDefault / rawJdk) + " (target above 1: " + met(starterDefault > rawJdk) + ").");
		add("");
	}

	void cpu(Map<String, long[]> cpu) {
		add("## Client CPU time per call (16 threads)");
		add("");
		add("The client's JVM process CPU time (caller threads, the HTTP library's own threads, GC, JIT) over "
				+ "5 s of calls after 5 s of warm-up; the stub runs in another process and is not counted, so "
				+ "this figure is not disturbed by the competition for the two cores.");
		add("");
		add("| client | CPU µs per call | calls/s during the measurement |");
		add("|---|---|---|");
		cpu.forEach((client, figures) -> add("| " + LABELS.get(client) + " | " + format(figures[0] / 1000.0) + " | "
				+ String.format(Locale.ROOT, "%,d", figures[1]) + " |"));
		add("");
	}

	void codec(Collection<RunResult> codec) {
		add("## Encoder and parser");
		add("");
		add("| benchmark | average time (ns) | allocation (B/op) |");
		add("|---|---|---|");
		for (RunResult result : codec) {
			String name = result.getParams().getBenchmark();
			add("| `" + name.substring(name.lastIndexOf('.') + 1) + "` | " + withError(result.getPrimaryResult())
					+ " | " + format(result.getSecondaryResults().get("gc.alloc.rate.norm").getScore()) + " |");
		}
		add("");
	}

	void startup(Map<String, List<double[]>> runs) {
		double without = median(runs.get("without"), 0);
		double with = median(runs.get("with"), 0);
		add("## Start-up");
		add("");
		add("Context refresh of the minimal application (`@SpringBootApplication`, no web server) in fresh JVMs, "
				+ "with and without the starter's auto-configuration in turn, " + runs.get("with").size()
				+ " runs each; medians.");
		add("");
		add("| | context refresh (ms) | bean definitions | runs (ms) |");
		add("|---|---|---|---|");
		runs.forEach((mode, list) -> add("| " + mode + " the starter | " + format(median(list, 0)) + " | "
				+ Math.round(median(list, 1)) + " | "
				+ String.join(", ", list.stream().map((run) -> format(run[0])).toList()) + " |"));
		add("");
		add("The starter adds " + format(with - without) + " ms to the context refresh (target under 50 ms: "
				+ met(with - without < 50) + ").");
		add("");
	}

	void stale(Map<String, int[]> stale) {
		add("## POSTs on stale connections");
		add("");
		add("The stub closes a keep-alive connection after one idle second; each client sends 40 times after "
				+ "0.9-1.2 s of silence, so the server often closes a pooled connection about when the client "
				+ "takes it again. A failure here is a send whose answer was lost: the starter reports it as "
				+ "\"outcome unknown\" and does not resend it, so every one is a message the caller must "
				+ "reconcile.");
		add("");
		add("| client | failed sends |");
		add("|---|---|");
		stale.forEach((client, figures) -> add("| " + LABELS.get(client) + " | " + figures[0] + " of " + figures[1]
				+ " |"));
		add("");
	}

	void transportChoice(Map<String, BenchmarkReport.Figures> sixteen, Map<String, long[]> cpu,
			Map<String, int[]> stale) {
		add("## The default transport: Apache HttpClient 5");
		add("");
		add("The starter module depends on Apache HttpClient 5, so Boot's detection picks "
				+ "`HttpComponentsClientHttpRequestFactory` unless the application chooses another client with "
				+ "`spring.http.clients.imperative.factory` (`jdk`, `simple`, `jetty`, `reactor`) or its own "
				+ "`ClientHttpRequestFactoryBuilder` bean. Why:");
		add("");
		add("- Speed: at 16 threads the starter on Apache HttpClient 5 makes "
				+ format(score(sixteen, "starter-http-components")) + " calls/s against "
				+ format(score(sixteen, "starter-jdk")) + " on the JDK client ("
				+ format(score(sixteen, "starter-http-components") / score(sixteen, "starter-jdk"))
				+ " times), and spends " + format(cpu.get("starter-http-components")[0] / 1000.0)
				+ " µs of CPU per call against " + format(cpu.get("starter-jdk")[0] / 1000.0) + ".");
		add("- Stale connections: Apache HttpClient checks a pooled connection that has been idle for a while "
				+ "before it writes a request on it (`validateAfterInactivity`, which the starter sets to 1 s) "
				+ "and opens a new one if the server has closed it; the JDK client writes the POST and then fails "
				+ "with \"header parser received no bytes\" when the server's close wins the race. Above: "
				+ stale.get("starter-http-components")[0] + " against " + stale.get("starter-jdk")[0]
				+ " failed sends of 40. For a billed send every such failure is an unknown outcome.");
		add("- No hidden resend: the starter switches Apache HttpClient's automatic retries off "
				+ "(`disableAutomaticRetries`), so its own retry loop, which resends only what surely did not "
				+ "reach Juhe, is the only one. The JDK client and `HttpURLConnection` do not resend a streamed "
				+ "POST (the reliability suite proves all three).");
		add("- Pooling: connections are pooled per route and reused across calls and threads.");
		add("");
	}

	private static double score(Map<String, BenchmarkReport.Figures> figures, String client) {
		return figures.get(client).throughput.getScore();
	}

	private static String withError(Result<?> result) {
		return format(result.getScore()) + " ± " + format(result.getScoreError());
	}

	private static String ratio(double value, double baseline) {
		return format(value / baseline);
	}

	private static String met(boolean met) {
		return met ? "met" : "missed";
	}

	private void add(String line) {
		this.lines.add(line);
	}

}

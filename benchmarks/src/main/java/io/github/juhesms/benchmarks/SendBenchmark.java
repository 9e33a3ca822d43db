package io.github.juhesms.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One send per invocation through each client, against the loopback stub named by the
 * system property {@code juhe.bench.url}.
 */
@State(Scope.Benchmark)
public class SendBenchmark {

	@Param({ "starter-jdk", "starter-http-components", "restclient-jdk", "restclient-http-components",
			"raw-jdk-httpclient", "raw-apache-httpclient5", "urlconnection-query" })
	public String client;

	private SendClient sendClient;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		this.sendClient = SendClient.create(this.client, System.getProperty("juhe.bench.url"));
		// Fail fast on a misconfigured client rather than measure exceptions.
		this.sendClient.send();
		this.sendClient.compileWarmUp(Long.getLong("juhe.bench.compile-warm-up", 0));
	}

	@TearDown(Level.Trial)
	public void tearDown() throws Exception {
		this.sendClient.close();
	}

	@Benchmark
	public Receipt send() throws Exception {
		return this.sendClient.send();
	}

}

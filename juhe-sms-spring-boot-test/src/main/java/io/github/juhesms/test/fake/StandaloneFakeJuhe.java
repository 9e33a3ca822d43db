package io.github.juhesms.test.fake;

import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a {@link FakeJuheServer} on its own, on a fixed port of the loopback address, so
 * that a running application can be pointed at it: prints the properties to set and
 * serves until the process is stopped. Arguments: the port (default 18080), then the
 * names of any {@linkplain FakeJuheServer.Builder#account(String) accounts} to add.
 */
public final class StandaloneFakeJuhe {

	/** The port used when none is given. */
	public static final int DEFAULT_PORT = 18080;

	private StandaloneFakeJuhe() {
	}

	/**
	 * Start the fake and serve until the process ends.
	 * @param args optionally the port, then account names
	 * @throws InterruptedException if the main thread is interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		FakeJuheServer juhe = start(args);
		System.out.println(describe(juhe));
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			juhe.close();
			stopped.countDown();
		}, "fake-juhe-shutdown"));
		// The server's threads are daemons: the main thread keeps the JVM alive.
		stopped.await();
	}

	static FakeJuheServer start(String... args) {
		FakeJuheServer.Builder builder = FakeJuheServer.builder()
			.port((args.length > 0) ? Integer.parseInt(args[0]) : DEFAULT_PORT);
		for (int i = 1; i < args.length; i++) {
			builder.account(args[i]);
		}
		return builder.start();
	}

	static String describe(FakeJuheServer juhe) {
		StringBuilder text = new StringBuilder(
				"Fake Juhe listening on " + juhe.baseUrl() + " (loopback only). Start the application with:\n");
		for (Map.Entry<String, String> property : juhe.properties().entrySet()) {
			text.append("  --").append(property.getKey()).append('=').append(property.getValue()).append('\n');
		}
		return text.append("Stop with Ctrl+C.").toString();
	}

}

package io.github.juhesms.test.fake;

import org.jspecify.annotations.Nullable;

/**
 * The one {@link FakeJuheServer} of a test run, started on first use. The JUnit extension
 * and the Spring context customizer both reach it here, because a Spring context is built
 * and cached outside of any JUnit extension context.
 */
final class SharedFakeJuheServer {

	private static @Nullable FakeJuheServer server;

	private SharedFakeJuheServer() {
	}

	static synchronized FakeJuheServer get() {
		FakeJuheServer current = server;
		if (current == null) {
			current = FakeJuheServer.start();
			server = current;
		}
		return current;
	}

	static synchronized void stop() {
		FakeJuheServer current = server;
		if (current != null) {
			current.close();
			server = null;
		}
	}

}

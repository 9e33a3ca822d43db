package io.github.juhesms.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;

import redis.embedded.RedisServer;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisOperations;

/**
 * A real Redis for the tests: the one named by the system property
 * {@code juhe.sms.test.redis-url} or the environment variable
 * {@code JUHE_SMS_TEST_REDIS_URL} (CI may start the distribution's redis-server), else a
 * real {@code redis-server} binary started once on a free loopback port.
 */
public final class TestRedis {

	/** The store secret of every test context that keeps its stores in Redis. */
	public static final String SECRET = "test-store-secret-0123456789abcdef";

	private static String url;

	private TestRedis() {
	}

	/**
	 * The URL of the test Redis, starting one if none is named.
	 * @return a {@code redis://} URL for {@code spring.data.redis.url}
	 */
	public static synchronized String url() {
		if (url == null) {
			String given = System.getProperty("juhe.sms.test.redis-url", System.getenv("JUHE_SMS_TEST_REDIS_URL"));
			url = (given != null && !given.isBlank()) ? given : startEmbedded();
		}
		return url;
	}

	private static String startEmbedded() {
		try {
			int port = freePort();
			RedisServer server = newServer(port);
			server.start();
			stopWhenThisJvmIsGone(port);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					server.stop();
				}
				catch (IOException ex) {
					// the JVM is exiting
				}
			}));
			return "redis://127.0.0.1:" + port;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// A JVM that is halted runs no shutdown hook: a PIT minion past its time-out, or a
	// test fork killed by its build, would leave its redis-server running. A watchdog
	// process shuts the server down once this JVM is gone (where bash is found).
	private static void stopWhenThisJvmIsGone(int port) {
		String watch = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
				+ "exec 3<>/dev/tcp/127.0.0.1/" + port + " && printf 'SHUTDOWN NOSAVE\\r\\n' >&3";
		try {
			new ProcessBuilder("bash", "-c", watch).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			// No bash: the shutdown hook still stops the server on a normal exit.
		}
	}

	/**
	 * A redis-server on a loopback port that keeps nothing on disk, not yet started.
	 * @param port the port
	 * @return the server
	 * @throws IOException if the binary cannot be prepared
	 */
	public static RedisServer newServer(int port) throws IOException {
		return RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("save \"\"")
			.setting("appendonly no")
			.onShutdownForceStop(true)
			.build();
	}

	/**
	 * The time on a Redis server's clock, the one its Lua scripts read.
	 * @param redis the server's operations
	 * @return the server's {@code TIME}, to the millisecond
	 */
	public static Instant time(RedisOperations<?, ?> redis) {
		Long millis = redis.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().time());
		if (millis == null) {
			throw new IllegalStateException("Redis answered nothing to TIME");
		}
		return Instant.ofEpochMilli(millis);
	}

	/**
	 * A port nothing listens on right now.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

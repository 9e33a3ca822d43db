package io.github.juhesms.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real Redis for the tests: the one named by the system property
 * {@code juhe.sms.test.redis-url} or the environment variable
 * {@code JUHE_SMS_TEST_REDIS_URL} (CI may start the distribution's redis-server), else a
 * real {@code redis-server} binary started once on a free loopback port.
 */
public final class TestRedis {

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
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.onShutdownForceStop(true)
				.build();
			server.start();
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

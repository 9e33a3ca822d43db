package io.github.juhesms.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.ClassUtils;

/**
 * The starter's own connections to the application's Redis: same server, credentials and
 * TLS as the application's Lettuce factory, but commands that fail within
 * {@code juhe.sms.redis.timeout} instead of Boot's 60 s default, are refused at once
 * while disconnected, and a reconnect within a second of Redis returning. Sends are then
 * refused quickly during an outage and work again soon after it, without changing the
 * application's own Redis settings. Another client library's factory is used as it is.
 */
final class JuheSmsRedisConnection implements DisposableBean {

	private static final Log logger = LogFactory.getLog(JuheSmsRedisConnection.class);

	/** Looked up by name: Lettuce is optional. */
	static final String LETTUCE = "io.lettuce.core.RedisClient";

	private final StringRedisTemplate template;

	private final @Nullable DisposableBean own;

	JuheSmsRedisConnection(RedisConnectionFactory application, Duration timeout) {
		// Its classes are touched only when it is there.
		if (ClassUtils.isPresent(LETTUCE, JuheSmsRedisConnection.class.getClassLoader())
				&& Lettuce.isLettuce(application)) {
			Lettuce own = new Lettuce(application, timeout);
			this.own = own;
			this.template = template(own.factory);
		}
		else {
			logger.info("juhe.sms.redis.timeout applies to Lettuce only: the starter uses the application's "
					+ application.getClass().getSimpleName() + " as it is");
			this.own = null;
			this.template = template(application);
		}
	}

	// Whether the application's factory talks to a Redis Cluster (known for Lettuce
	// only).
	static boolean isCluster(RedisConnectionFactory factory) {
		return ClassUtils.isPresent(LETTUCE, JuheSmsRedisConnection.class.getClassLoader())
				&& Lettuce.isCluster(factory);
	}

	StringRedisTemplate template() {
		return this.template;
	}

	private static StringRedisTemplate template(RedisConnectionFactory factory) {
		StringRedisTemplate template = new StringRedisTemplate(factory);
		template.afterPropertiesSet();
		return template;
	}

	@Override
	public void destroy() throws Exception {
		if (this.own != null) {
			this.own.destroy();
		}
	}

	private static final class Lettuce implements DisposableBean {

		private final ClientResources resources;

		private final LettuceConnectionFactory factory;

		Lettuce(RedisConnectionFactory application, Duration timeout) {
			LettuceConnectionFactory lettuce = (LettuceConnectionFactory) application;
			this.resources = DefaultClientResources.builder()
				.reconnectDelay(
						Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
				.build();
			this.factory = new LettuceConnectionFactory(configuration(lettuce),
					clientConfiguration(lettuce.getClientConfiguration(), timeout, this.resources));
			this.factory.afterPropertiesSet();
			this.factory.start();
		}

		static boolean isLettuce(RedisConnectionFactory factory) {
			return factory instanceof LettuceConnectionFactory;
		}

		static boolean isCluster(RedisConnectionFactory factory) {
			return factory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware();
		}

		private static RedisConfiguration configuration(LettuceConnectionFactory lettuce) {
			if (lettuce.isClusterAware()) {
				return lettuce.getClusterConfiguration();
			}
			if (lettuce.isRedisSentinelAware()) {
				return lettuce.getSentinelConfiguration();
			}
			return lettuce.getStandaloneConfiguration();
		}

		// The application's options (TLS, credentials, cluster topology) with the
		// starter's timeouts and reconnection.
		private static LettuceClientConfiguration clientConfiguration(LettuceClientConfiguration application,
				Duration timeout, ClientResources resources) {
			ClientOptions.Builder options = application.getClientOptions()
				.map(ClientOptions::mutate)
				.orElseGet(ClientOptions::builder);
			SocketOptions socket = application.getClientOptions()
				.map(ClientOptions::getSocketOptions)
				.orElseGet(() -> SocketOptions.builder().build());
			Duration connectTimeout = (socket.getConnectTimeout().compareTo(timeout) < 0) ? socket.getConnectTimeout()
					: timeout;
			options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.autoReconnect(true)
				.socketOptions(socket.mutate().connectTimeout(connectTimeout).build())
				.timeoutOptions(TimeoutOptions.enabled(timeout));
			LettuceClientConfiguration.LettuceClientConfigurationBuilder builder = LettuceClientConfiguration.builder();
			if (application.isUseSsl()) {
				LettuceClientConfiguration.LettuceSslClientConfigurationBuilder ssl = builder.useSsl()
					.verifyPeer(application.getVerifyMode());
				if (application.isStartTls()) {
					ssl.startTls();
				}
				builder = ssl.and();
			}
			application.getClientName().ifPresent(builder::clientName);
			application.getReadFrom().ifPresent(builder::readFrom);
			application.getRedisCredentialsProviderFactory().ifPresent(builder::redisCredentialsProviderFactory);
			return builder.clientOptions(options.build())
				.clientResources(resources)
				.commandTimeout(timeout)
				.shutdownTimeout(Duration.ZERO)
				.build();
		}

		@Override
		public void destroy() {
			this.factory.destroy();
			this.resources.shutdown(0, 1, TimeUnit.SECONDS);
		}

	}

}

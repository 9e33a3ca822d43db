package io.github.juhesms.autoconfigure;

import io.github.juhesms.redis.RedisIdempotencyStore;
import io.github.juhesms.redis.RedisSendLimitStore;
import io.github.juhesms.redis.RedisVerificationCodeStore;
import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.SendLimitStore;
import io.github.juhesms.store.VerificationCodeStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The Redis stores of send limits, idempotency keys and verification codes, with
 * {@code juhe.sms.store=redis}. Redis is chosen explicitly, not whenever a connection
 * factory exists: moving abuse protection into a Redis the application uses for something
 * else, and making sends fail closed when that Redis is down, must be a decision. The
 * in-memory default stores are not beans (see {@link JuheSmsStores}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "juhe.sms.store", havingValue = "redis")
@ConditionalOnClass(StringRedisTemplate.class)
class JuheSmsRedisStoresConfiguration {

	// Not a connection factory bean, which would compete with the application's own.
	@Bean
	JuheSmsRedisConnection juheSmsRedisConnection(JuheSmsProperties properties,
			ObjectProvider<RedisConnectionFactory> connectionFactory) {
		RedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new JuheSmsConfigurationException("juhe.sms.store", "redis",
					"needs a Redis connection factory, and the application has none",
					"Add spring-boot-starter-data-redis and set spring.data.redis.*, or set juhe.sms.store to memory.");
		}
		String prefix = properties.getRedis().getKeyPrefix();
		if (JuheSmsRedisConnection.isCluster(factory) && !hasHashTag(prefix)) {
			throw new JuheSmsConfigurationException("juhe.sms.redis.key-prefix", prefix,
					"needs a hash tag on a Redis Cluster: one script call holds the keys of up to 1,000 numbers, "
							+ "their spend caps and a send's idempotency key, which must share a hash slot",
					"Set it to a prefix with a hash tag, e.g. {juhe}:sms:");
		}
		return new JuheSmsRedisConnection(factory, properties.getRedis().getTimeout());
	}

	// Redis Cluster's rule: the part between the first { and the next }, if not empty,
	// alone decides a key's slot.
	static boolean hasHashTag(String prefix) {
		int open = prefix.indexOf('{');
		int close = (open >= 0) ? prefix.indexOf('}', open + 1) : -1;
		return close > open + 1;
	}

	@Bean
	@ConditionalOnMissingBean(SendLimitStore.class)
	SendLimitStore juheSmsSendLimitStore(JuheSmsProperties properties, JuheSmsRedisConnection redis) {
		return new RedisSendLimitStore(redis.template(), properties.getRedis().getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(IdempotencyStore.class)
	IdempotencyStore juheSmsIdempotencyStore(JuheSmsProperties properties, JuheSmsRedisConnection redis) {
		return new RedisIdempotencyStore(redis.template(), properties.getRedis().getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(VerificationCodeStore.class)
	VerificationCodeStore juheSmsVerificationCodeStore(JuheSmsProperties properties, JuheSmsRedisConnection redis) {
		return new RedisVerificationCodeStore(redis.template(), properties.getRedis().getKeyPrefix());
	}

}

package io.github.juhesms.autoconfigure;

import io.github.juhesms.codes.VerificationCodeStore;
import io.github.juhesms.core.IdempotencyStore;
import io.github.juhesms.limits.SendLimitStore;
import io.github.juhesms.redis.RedisIdempotencyStore;
import io.github.juhesms.redis.RedisSendLimitStore;
import io.github.juhesms.redis.RedisVerificationCodeStore;

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
 * {@code juhe.sms.store=redis}. Redis is chosen explicitly, not whenever a connection factory exists:
 * moving abuse protection into a Redis the application uses for something else, and making sends
 * fail closed when that Redis is down, must be a decision. The in-memory default stores are not beans
 * (see {@link JuheSmsStores}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "juhe.sms.store", havingValue = "redis")
@ConditionalOnClass(StringRedisTemplate.class)
class JuheSmsRedisStoreConfiguration {

	@Bean
	@ConditionalOnMissingBean(SendLimitStore.class)
	SendLimitStore juheSmsSendLimitStore(JuheSmsProperties properties,
			ObjectProvider<RedisConnectionFactory> connectionFactory) {
		return new RedisSendLimitStore(template(connectionFactory), properties.getRedis().getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(IdempotencyStore.class)
	IdempotencyStore juheSmsIdempotencyStore(JuheSmsProperties properties,
			ObjectProvider<RedisConnectionFactory> connectionFactory) {
		return new RedisIdempotencyStore(template(connectionFactory), properties.getRedis().getKeyPrefix());
	}

	@Bean
	@ConditionalOnMissingBean(VerificationCodeStore.class)
	VerificationCodeStore juheSmsVerificationCodeStore(JuheSmsProperties properties,
			ObjectProvider<RedisConnectionFactory> connectionFactory) {
		return new RedisVerificationCodeStore(template(connectionFactory), properties.getRedis().getKeyPrefix());
	}

	// Not a bean: a StringRedisTemplate bean of ours would replace the application's own.
	private static StringRedisTemplate template(ObjectProvider<RedisConnectionFactory> connectionFactory) {
		RedisConnectionFactory factory = connectionFactory.getIfAvailable();
		if (factory == null) {
			throw new IllegalStateException("juhe.sms.store=redis needs a Redis connection factory: add "
					+ "spring-boot-starter-data-redis and set spring.data.redis.*");
		}
		StringRedisTemplate template = new StringRedisTemplate(factory);
		template.afterPropertiesSet();
		return template;
	}

}

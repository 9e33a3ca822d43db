package io.github.juhesms.redis;

import java.time.Duration;
import java.time.Instant;

import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.StoredSend;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Remembers idempotency keys in Redis. A claim is {@code SET NX}, so of concurrent calls
 * with one key, on any instance, exactly one owns it. Keys expire with their window.
 */
public class RedisIdempotencyStore implements IdempotencyStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StringRedisTemplate redis;

	private final String prefix;

	private final String keyPrefix;

	/**
	 * Create a store.
	 * @param redis the Redis template
	 * @param keyPrefix the prefix of every key, e.g. {@code juhe:sms:}
	 */
	public RedisIdempotencyStore(StringRedisTemplate redis, String keyPrefix) {
		this.redis = redis;
		this.prefix = keyPrefix;
		this.keyPrefix = redisKey(keyPrefix, "");
	}

	// The Redis key of an idempotency key under a prefix.
	static String redisKey(String prefix, String key) {
		return prefix + "idempotency:" + key;
	}

	// Whether this store keeps its keys in the given Redis under the given prefix.
	boolean keeps(StringRedisTemplate redis, String prefix) {
		return this.redis == redis && this.prefix.equals(prefix);
	}

	@Override
	public @Nullable StoredSend claim(String key, StoredSend claim, Duration window) {
		String redisKey = this.keyPrefix + key;
		// A key deleted between a failed SET NX and the GET (its first send was
		// abandoned) is claimed again.
		while (true) {
			if (Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(redisKey, write(claim), window))) {
				return null;
			}
			String stored = this.redis.opsForValue().get(redisKey);
			if (stored != null) {
				return read(stored);
			}
		}
	}

	@Override
	public void complete(String key, StoredSend outcome, Duration window) {
		this.redis.opsForValue().set(this.keyPrefix + key, write(outcome), window);
	}

	@Override
	public void abandon(String key) {
		this.redis.delete(this.keyPrefix + key);
	}

	static String write(StoredSend send) {
		ObjectNode node = JSON.createObjectNode();
		node.put("state", send.state().name());
		node.put("startedAt", send.startedAt().toString());
		node.put("result", send.result());
		node.put("failure", send.failure());
		node.put("fingerprint", send.fingerprint());
		return JSON.writeValueAsString(node);
	}

	static StoredSend read(String stored) {
		JsonNode node = JSON.readTree(stored);
		return new StoredSend(StoredSend.State.valueOf(node.get("state").asString()),
				Instant.parse(node.get("startedAt").asString()), text(node, "result"), text(node, "failure"),
				text(node, "fingerprint"));
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isNull() || value.isMissingNode()) ? null : value.asString();
	}

}

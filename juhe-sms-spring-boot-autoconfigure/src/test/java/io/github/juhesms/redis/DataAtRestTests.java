package io.github.juhesms.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.data.redis.connection.DataType;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis dump in the wrong hands: after limits, an idempotency key that names the number
 * and a pending code, no key name or value holds the number, the idempotency key, the
 * code, or any digest that can be reversed without the store secret.
 */
class DataAtRestTests extends JuheWireMockTests {

	private static final String MOBILE = "13812345678";

	private final String prefix = "at-rest-" + UUID.randomUUID() + ":";

	@Test
	void aRedisDumpHoldsNothingPersonalInClear() throws Exception {
		answer("/sms/send", success("{\"sid\":\"r1\"}"));
		answer("/vercodesms/send", success("{\"sid\":\"c1\"}"));
		String idempotencyKey = "welcome-" + MOBILE;
		contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix,
					"juhe.sms.limits.enabled=true", "juhe.sms.codes.template-id=21")
			.run((context) -> {
				context.getBean(SmsApiClient.class)
					.send(SmsApiRequest.of(MOBILE, 12, Map.of("name", "Li")),
							SendOptions.idempotencyKey(idempotencyKey));
				context.getBean(VerificationCodeService.class).send("login", "13912345678");
				String dump = dump(context.getBean(StringRedisTemplate.class));
				assertThat(dump).contains("idempotency").contains("login");
				String code = lastCodeSentTo("/vercodesms/send");
				assertThat(dump).doesNotContain(MOBILE)
					.doesNotContain("13912345678")
					.doesNotContain(idempotencyKey)
					.doesNotContain(sha256(MOBILE).substring(0, 32))
					.doesNotContain(sha256("13912345678").substring(0, 32))
					.doesNotContain(sha256(idempotencyKey).substring(0, 32))
					.doesNotContainPattern("\"" + code + "\"");
				// What stands for the number is the keyed digest, the same on every
				// instance.
				assertThat(dump).contains(StoreDigest.of(TestRedis.SECRET).name(MOBILE))
					.contains(StoreDigest.of(TestRedis.SECRET).name(idempotencyKey));
			});
	}

	// Every key under the prefix and its value, whatever its type.
	private String dump(StringRedisTemplate redis) {
		StringBuilder dump = new StringBuilder();
		Set<String> keys = redis.keys(this.prefix + "*");
		assertThat(keys).isNotEmpty();
		for (String key : keys) {
			dump.append(key).append(" = ");
			DataType type = redis.type(key);
			switch (type) {
				case STRING -> dump.append(redis.opsForValue().get(key));
				case ZSET -> dump.append(redis.opsForZSet().rangeWithScores(key, 0, -1));
				case HASH -> dump.append(redis.opsForHash().entries(key));
				case LIST -> dump.append(redis.opsForList().range(key, 0, -1));
				case SET -> dump.append(redis.opsForSet().members(key));
				default -> dump.append(type);
			}
			dump.append('\n');
		}
		return dump.toString();
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}

package io.github.juhesms.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Batched admission on a real Redis Cluster of three redis-servers (the slots split in
 * three, no replicas), with a hash tag in the key prefix: a batch's script calls hold the
 * keys of 1,000 numbers each, in one slot.
 */
class RedisClusterBatchTests extends JuheWireMockTests {

	private static final List<RedisServer> servers = new ArrayList<>();

	private static final List<Integer> ports = new ArrayList<>();

	@BeforeAll
	static void startCluster() throws Exception {
		Path dir = Files.createTempDirectory("juhe-cluster");
		for (int i = 0; i < 3; i++) {
			int port = TestRedis.freePort();
			RedisServer server = RedisServer.newRedisServer()
				.port(port)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.setting("cluster-enabled yes")
				.setting("cluster-node-timeout 5000")
				.setting("cluster-config-file " + dir.resolve("nodes-" + port + ".conf"))
				.onShutdownForceStop(true)
				.build();
			server.start();
			servers.add(server);
			ports.add(port);
		}
		for (int i = 0; i < 3; i++) {
			RedisClient client = RedisClient.create("redis://127.0.0.1:" + ports.get(i));
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				RedisCommands<String, String> node = connection.sync();
				node.clusterAddSlots(IntStream.range(i * 16384 / 3, (i + 1) * 16384 / 3).toArray());
				if (i > 0) {
					node.clusterMeet("127.0.0.1", ports.get(0));
				}
			}
			finally {
				client.shutdown();
			}
		}
		// Every node must see the whole cluster up before a client is told its slots.
		long deadline = System.nanoTime() + 30_000_000_000L;
		for (int port : ports) {
			RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
			try (StatefulRedisConnection<String, String> connection = client.connect()) {
				while (!connection.sync().clusterInfo().contains("cluster_state:ok")
						|| connection.sync().clusterNodes().lines().count() < 3) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException(
								"the cluster did not come up: " + connection.sync().clusterInfo());
					}
					Thread.sleep(100);
				}
			}
			finally {
				client.shutdown();
			}
		}
	}

	@AfterAll
	static void stopCluster() throws IOException {
		for (RedisServer server : servers) {
			server.stop();
		}
	}

	@Test
	void aBatchOverSeveralChunksIsAdmittedOnceOnAClusterWithAHashTag() {
		answer("/shortLetter/send.php", success("{\"sid\":\"s\",\"fee\":1}"));
		answer("/sms/send", success("{\"count\":1,\"fee\":1,\"sid\":\"k\"}"));
		List<String> nodes = new ArrayList<>();
		for (int port : ports) {
			nodes.add("127.0.0.1:" + port);
		}
		contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.cluster.nodes=" + String.join(",", nodes),
					"juhe.sms.redis.key-prefix={cluster-" + UUID.randomUUID() + "}:sms:",
					"juhe.sms.limits.enabled=true", "juhe.sms.limits.rules[0].count=1",
					"juhe.sms.limits.rules[0].window=1h", "juhe.sms.financial.spend-caps.daily=100000")
			.run((context) -> {
				FinancialSmsClient client = context.getBean(FinancialSmsClient.class);
				List<String> numbers = new ArrayList<>();
				for (int i = 0; i < 2500; i++) {
					numbers.add(String.format("1380%07d", i));
				}
				assertThat(client.send(FinancialSmsRequest.of(numbers, 12)).limited()).isEmpty();
				assertThatExceptionOfType(JuheSmsSendLimitException.class)
					.isThrownBy(() -> client.send(FinancialSmsRequest.of(numbers, 12)))
					.satisfies((ex) -> assertThat(ex.getRefusals()).hasSize(2500));
				assertThat(requestsTo("/shortLetter/send.php")).hasSize(1);
				// A keyed batch over three chunks: its idempotency key with the first
				// chunk's numbers in one script, in the prefix's slot; its repeat
				// replays.
				List<String> others = new ArrayList<>();
				for (int i = 0; i < 2500; i++) {
					others.add(String.format("1390%07d", i));
				}
				SendOptions statement = SendOptions.idempotencyKey("c-statement");
				assertThat(client.send(FinancialSmsRequest.of(others, 12), statement).limited()).isEmpty();
				assertThat(client.send(FinancialSmsRequest.of(others, 12), statement).sid()).isEqualTo("s");
				assertThat(requestsTo("/shortLetter/send.php")).hasSize(2);
				// A keyed send: its idempotency key and its number's key in one script.
				SmsApiClient sms = context.getBean(SmsApiClient.class);
				SmsApiRequest request = SmsApiRequest.of("13900000000", 12, Map.of("code", "1"));
				assertThat(sms.send(request, SendOptions.idempotencyKey("c-1")).sid()).isEqualTo("k");
				assertThat(sms.send(request, SendOptions.idempotencyKey("c-1")).sid()).isEqualTo("k");
				assertThat(requestsTo("/sms/send")).hasSize(1);
				// Without a hash tag the numbers' keys fall in many slots: the cluster
				// refuses
				// the script (which start-up prevents).
				RedisSendLimitStore untagged = new RedisSendLimitStore(context.getBean(StringRedisTemplate.class),
						"juhe:sms:");
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> untagged.acquireAll(List.of("a", "b", "c", "d"), List.of("1", "2", "3", "4"),
							List.of(new SendLimitRule(1, Duration.ofHours(1))), List.of()))
					.withStackTraceContaining("CROSSSLOT");
			});
	}

}

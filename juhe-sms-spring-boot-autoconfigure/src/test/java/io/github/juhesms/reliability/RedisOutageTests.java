package io.github.juhesms.reliability;

import java.util.Map;
import java.util.UUID;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Redis outage under Boot's default Redis timeout (60 s): sends are refused within the
 * starter's own timeout, and work again soon after Redis returns, on a real redis-server
 * stopped and started on its port.
 */
class RedisOutageTests extends JuheWireMockTests {

	private static final ReliabilityFigures figures = new ReliabilityFigures("redis-outage");

	private static final SmsApiRequest REQUEST = SmsApiRequest.of("13812345678", 12, Map.of("code", "1"));

	@AfterAll
	static void writeFigures() {
		figures.write();
	}

	@Test
	void anOutageIsRefusedWithinTheTimeoutAndSendsWorkSoonAfterRedisReturns() throws Exception {
		answer("/sms/send", success("{\"sid\":\"r1\"}"));
		int port = TestRedis.freePort();
		RedisServer redis = TestRedis.newServer(port);
		redis.start();
		try {
			contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
				.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
						"spring.data.redis.url=redis://127.0.0.1:" + port, "juhe.sms.redis.timeout=2s")
				.run((context) -> {
					SmsApiClient client = context.getBean(SmsApiClient.class);
					assertThat(client.send(REQUEST, newKey()).sid()).isEqualTo("r1");
					redis.stop();
					long down = System.nanoTime();
					assertThatExceptionOfType(JuheSmsStoreUnavailableException.class)
						.isThrownBy(() -> client.send(REQUEST, newKey()));
					long refusedMillis = (System.nanoTime() - down) / 1_000_000;
					redis.start();
					long back = System.nanoTime();
					long recoveredMillis = -1;
					while (System.nanoTime() - back < 30_000_000_000L) {
						try {
							client.send(REQUEST, newKey());
							recoveredMillis = (System.nanoTime() - back) / 1_000_000;
							break;
						}
						catch (JuheSmsStoreUnavailableException ex) {
							Thread.sleep(50);
						}
					}
					figures.add("refused-after-ms", refusedMillis);
					figures.add("working-again-after-ms", recoveredMillis);
					// Boot's default timeout would hold the send 60 s; Lettuce's default
					// reconnection took about 29 s.
					assertThat(refusedMillis).isLessThan(5_000);
					assertThat(recoveredMillis).isBetween(0L, 5_000L);
				});
		}
		finally {
			if (redis.isActive()) {
				redis.stop();
			}
		}
		// Only the sends made while Redis was up reached Juhe.
		assertThat(requestsTo("/sms/send")).hasSize(2);
	}

	private static SendOptions newKey() {
		return SendOptions.idempotencyKey(UUID.randomUUID().toString());
	}

}

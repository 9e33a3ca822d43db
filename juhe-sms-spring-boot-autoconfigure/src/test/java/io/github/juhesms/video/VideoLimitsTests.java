package io.github.juhesms.video;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.guard.SlidingWindowSendLimiter;
import io.github.juhesms.guard.SpendCapMonitor;
import io.github.juhesms.guard.SpendCaps;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.store.InMemorySendLimitStore;
import io.github.juhesms.store.SendAdmission;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.MutableClock;
import io.github.juhesms.test.TestRedis;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Video SMS's own limits, 1 a day and 3 a week to a number, kept besides the carriers'
 * rules in the same atomic step, in memory and on a real redis-server; a refusal names
 * the rule and the property it comes from, and another product's sends to the number are
 * limited on their own.
 */
class VideoLimitsTests extends JuheWireMockTests {

	private static final String SEND = "/caixinv2/send";

	private static final String SMS_SEND = "/sms/send";

	private static final String MOBILE = "13812345678";

	private static final SmsApiRequest SMS = SmsApiRequest.of(MOBILE, 12, Map.of("code", "1"));

	private static final SendLimitRule ONE_A_DAY = new SendLimitRule(1, Duration.ofDays(1));

	private static final SendLimitRule THREE_A_WEEK = new SendLimitRule(3, Duration.ofDays(7));

	private static final SendLimitRule ONE_A_MINUTE = new SendLimitRule(1, Duration.ofMinutes(1));

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	@Test
	void aSecondVideoToANumberTheSameDayIsRefusedNamingTheVideoRule() {
		answerBoth();
		contextRunner().withPropertyValues("juhe.sms.limits.enabled=true").run((context) -> {
			assertSecondVideoRefusedByItsOwnRule(context.getBean(VideoSmsClient.class));
			assertSmsApiLimitedOnItsOwn(context.getBean(SmsApiClient.class));
		});
	}

	@Test
	void onRedisTheVideoRulesJoinTheCarriersInOneScriptAndKeepTheNumberAWeek() {
		answerBoth();
		contextRunner().withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("juhe.sms.store=redis", "juhe.sms.store-secret=" + TestRedis.SECRET,
					"spring.data.redis.url=" + TestRedis.url(), "juhe.sms.redis.key-prefix=" + this.prefix,
					"juhe.sms.limits.enabled=true")
			.run((context) -> {
				assertSecondVideoRefusedByItsOwnRule(context.getBean(VideoSmsClient.class));
				assertSmsApiLimitedOnItsOwn(context.getBean(SmsApiClient.class));
				StringRedisTemplate redis = new StringRedisTemplate(context.getBean(RedisConnectionFactory.class));
				redis.afterPropertiesSet();
				Set<String> video = redis.keys(this.prefix + "limit:video:*");
				Set<String> smsApi = redis.keys(this.prefix + "limit:sms-api:*");
				// Each key expires after the longest window of its own rules.
				assertThat(video).singleElement()
					.satisfies((key) -> assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(7).toSeconds() - 60,
							Duration.ofDays(7).toSeconds()));
				assertThat(smsApi).singleElement()
					.satisfies((key) -> assertThat(redis.getExpire(key)).isBetween(Duration.ofDays(1).toSeconds() - 60,
							Duration.ofDays(1).toSeconds()));
			});
	}

	@Test
	void withTheVideoRulesSetEmptyOnlyTheCarriersRulesApply() {
		answerBoth();
		contextRunner().withPropertyValues("juhe.sms.limits.enabled=true", "juhe.sms.video.limits.rules=")
			.run((context) -> {
				VideoSmsClient sms = context.getBean(VideoSmsClient.class);
				sms.send(MOBILE, 65535);
				assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> sms.send(MOBILE, 65535))
					.satisfies((refused) -> assertThat(refused.getRefusals()).singleElement()
						.returns(ONE_A_MINUTE, SendLimitRefusal::rule)
						.returns("juhe.sms.limits.rules", SendLimitRefusal::source));
				assertThat(requestsTo(SEND)).hasSize(1);
			});
	}

	@Test
	void threeAWeekHoldsExactlyBesidesTheCarriersRules() {
		MutableClock clock = new MutableClock();
		SlidingWindowSendLimiter limiter = new SlidingWindowSendLimiter(
				new InMemorySendLimitStore(100, Duration.ofDays(7), clock), List.of(ONE_A_MINUTE),
				Map.of(JuheProduct.VIDEO, List.of(ONE_A_DAY, THREE_A_WEEK)), false, StoreDigest.random(), true,
				SpendCaps.NONE, SpendCapMonitor.NONE);
		Instant start = clock.instant();
		for (int day = 0; day < 3; day++) {
			assertThat(admit(limiter, JuheProduct.VIDEO).admitted()).containsExactly(MOBILE);
			clock.advance(Duration.ofHours(12));
			// A refusal names the rule that frees up last: after the third send, the
			// week.
			assertThat(admit(limiter, JuheProduct.VIDEO).refused()).singleElement()
				.returns((day < 2) ? ONE_A_DAY : THREE_A_WEEK, SendLimitRefusal::rule)
				.returns("juhe.sms.video.limits.rules", SendLimitRefusal::source);
			clock.advance(Duration.ofHours(12));
		}
		// The fourth day: a day since the last send, but three in the week.
		assertThat(admit(limiter, JuheProduct.VIDEO).refused()).singleElement()
			.returns(THREE_A_WEEK, SendLimitRefusal::rule)
			.returns(start.plus(Duration.ofDays(7)), SendLimitRefusal::retryAt)
			.satisfies((refusal) -> assertThat(refusal.toString()).isEqualTo("138****5678: limit 3 per 168h "
					+ "(juhe.sms.video.limits.rules), next send allowed at 2026-12-04T00:00:00Z"));
		// Another product's sends to the number keep the shared rules only.
		assertThat(admit(limiter, JuheProduct.SMS_API).admitted()).containsExactly(MOBILE);
		assertThat(admit(limiter, JuheProduct.SMS_API).refused()).singleElement()
			.returns("juhe.sms.limits.rules", SendLimitRefusal::source);
		clock.advance(Duration.ofDays(4));
		assertThat(admit(limiter, JuheProduct.VIDEO).admitted()).containsExactly(MOBILE);
	}

	private static SendAdmission admit(SlidingWindowSendLimiter limiter, JuheProduct product) {
		JuheOperation send = (product == JuheProduct.VIDEO) ? VideoSmsClient.SEND : SmsApiClient.SEND;
		return limiter.admit(send, JuheSmsAccount.DEFAULT, List.of(MOBILE), null, 1, null);
	}

	private static void answerBoth() {
		answer(SEND, "{\"reason\":\"success\",\"result\":{\"sid\":\"v1\"},\"error_code\":0}");
		answer(SMS_SEND, success("{\"count\":1,\"fee\":1,\"sid\":\"s1\"}"));
	}

	private static void assertSecondVideoRefusedByItsOwnRule(VideoSmsClient sms) {
		sms.send(MOBILE, 65535);
		assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> sms.send(MOBILE, 65535))
			.satisfies((refused) -> {
				assertThat(refused.getRefusals()).singleElement()
					.returns(ONE_A_DAY, SendLimitRefusal::rule)
					.returns("juhe.sms.video.limits.rules", SendLimitRefusal::source);
				assertThat(refused.getMessage()).contains("138****5678: limit 1 per 24h (juhe.sms.video.limits.rules)")
					.doesNotContain(MOBILE);
			});
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	// The same number through the SMS API: its own key, so the video sends do not count.
	private static void assertSmsApiLimitedOnItsOwn(SmsApiClient sms) {
		sms.send(SMS);
		assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> sms.send(SMS))
			.satisfies((refused) -> assertThat(refused.getRefusals()).singleElement()
				.returns(ONE_A_MINUTE, SendLimitRefusal::rule)
				.returns("juhe.sms.limits.rules", SendLimitRefusal::source));
		assertThat(requestsTo(SMS_SEND)).hasSize(1);
	}

}

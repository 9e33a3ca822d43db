package io.github.juhesms.autoconfigure;

import java.util.Arrays;
import java.util.stream.Stream;

import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.video.VideoRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every {@code juhe.sms.*} property is checked when bound: a mistake fails start-up
 * naming the property, the value and the rule, and a missing client names the properties
 * that would create it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PropertyValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JuheSmsAutoConfiguration.class))
		.withPropertyValues("juhe.sms.key=k");

	static Stream<Arguments> badValues() {
		return Stream.of(bad("base-url", "ftp://x", "must be an absolute http or https URL"),
				bad("base-url", "v.juhe.cn", "must be an absolute http or https URL"),
				bad("base-url", "https://v.juhe.cn/?key=abc", "no query"),
				bad("connect-timeout", "-1s", "must be longer than 0"), bad("connect-timeout", "0s", "longer than 0"),
				bad("read-timeout", "-5s", "must be longer than 0"),
				bad("max-response-size", "0B", "must be between 1B and 64MB"),
				bad("max-response-size", "1GB", "must be between 1B and 64MB"),
				bad("max-connections", "0", "must be at least 1"),
				bad("connection-idle-timeout", "0s", "must be longer than 0"),
				bad("attempt-timeout", "3s", "must be longer than juhe.sms.connect-timeout (3000ms)"),
				bad("attempt-timeout", "1s", "must be longer than juhe.sms.connect-timeout (2000ms)",
						"juhe.sms.connect-timeout=2s"),
				bad("retry.max-attempts", "0", "must be at least 1"),
				bad("retry.multiplier", "0.5", "must be at least 1"),
				bad("retry.initial-interval", "-1ms", "must not be negative"),
				bad("retry.max-interval", "-1s", "must not be negative"),
				bad("retry.jitter", "-5ms", "must not be negative"),
				bad("retry.budget.capacity", "0", "must be at least 1"),
				bad("retry.budget.refill-interval", "0s", "must be longer than 0"),
				bad("fail-fast.cooldown", "-1s", "must not be negative"),
				bad("limits.rules[0].count", "0", "must be at least 1", "juhe.sms.limits.rules[0].window=1m"),
				bad("limits.rules[0].window", "0s", "must be longer than 0", "juhe.sms.limits.rules[0].count=1"),
				bad("limits.max-numbers", "0", "must be at least 1"),
				bad("idempotency.window", "0s", "must be longer than 0"),
				bad("idempotency.wait-timeout", "-1s", "must not be negative"),
				bad("idempotency.max-keys", "0", "must be at least 1"),
				bad("codes.length", "3", "must be 4 to 8 digits"), bad("codes.length", "9", "must be 4 to 8 digits"),
				bad("codes.ttl", "0s", "must be longer than 0"),
				bad("codes.resend-cooldown", "-1s", "must not be negative"),
				bad("codes.max-attempts", "0", "must be at least 1"),
				bad("codes.code-variable", " ", "must not be blank"),
				bad("codes.max-numbers", "0", "must be at least 1"),
				bad("codes.template-id", "0", "must be a template id of Juhe's"),
				bad("redis.key-prefix", " ", "must not be blank"),
				bad("international.allowed-area-codes", "44,+1", "must hold area codes of 1 to 4 digits"),
				bad("international.denied-area-codes", "12345", "must hold area codes of 1 to 4 digits"),
				bad("international.template-check.refresh-interval", "0s", "must be longer than 0"),
				bad("financial.template-check.refresh-interval", "-1m", "must be longer than 0"),
				bad("verification-code.template-check.refresh-interval", "0s", "must be longer than 0"),
				bad("video.template-check.refresh-interval", "0s", "must be longer than 0"),
				bad("international.template-check.recheck-interval", "-1s", "must not be negative"),
				bad("financial.campaign.concurrency", "0", "must be at least 1"),
				bad("financial.campaign.max-numbers", "0", "must be at least 1"),
				bad("async.max-in-flight", "0", "must be at least 1"),
				bad("sms-api.async.max-in-flight", "0", "must be at least 1"),
				bad("verification-code.async.max-in-flight", "-1", "must be at least 1"),
				bad("international.denied-area-codes", "44",
						"must not hold an area code that juhe.sms.international.allowed-area-codes allows",
						"juhe.sms.international.allowed-area-codes=44,1"),
				bad("video.limits.rules[0].count", "0", "must be at least 1",
						"juhe.sms.video.limits.rules[0].window=1d"),
				bad("sms-api.limits.rules[0].window", "0s", "must be longer than 0",
						"juhe.sms.sms-api.limits.rules[0].count=1"),
				bad("video.send-window.end", "09:00", "must be after juhe.sms.video.send-window.start (09:00)"),
				bad("video.send-window.end", "08:00",
						"must be after juhe.sms.video.send-window.start (09:00): the window runs from start to end "
								+ "within one day, China time"),
				bad("sms-api.marketing.send-window.end", "08:00",
						"must be after juhe.sms.sms-api.marketing.send-window.start (08:30)"),
				bad("sms-api.marketing.send-window.end", "21:30",
						"must be after juhe.sms.sms-api.marketing.send-window.start (22:00)",
						"juhe.sms.sms-api.marketing.send-window.start=22:00"),
				bad("video.china-mobile-prefixes", "138,13a",
						"must hold the leading digits of 11-digit mainland numbers, 2 to 11 digits starting with 1"),
				bad("video.china-mobile-prefixes", "0138", "must hold the leading digits"),
				bad("video.china-mobile-prefixes", "",
						"must not be empty while juhe.sms.video.china-mobile-only is true"),
				bad("sms-api.spend-caps.daily", "0", "must be at least 1 billed unit (unset for no cap)"),
				bad("video.spend-caps.monthly", "-5", "must be at least 1 billed unit"),
				bad("financial.spend-caps.hourly", "101",
						"must not exceed juhe.sms.financial.spend-caps.daily (100): a cap above a longer window's "
								+ "could never be reached",
						"juhe.sms.financial.spend-caps.daily=100"),
				bad("international.spend-caps.daily", "3001",
						"must not exceed juhe.sms.international.spend-caps.monthly (3000)",
						"juhe.sms.international.spend-caps.monthly=3000"),
				bad("verification-code.spend-caps.hourly", "50",
						"must not exceed juhe.sms.verification-code.spend-caps.monthly (40)",
						"juhe.sms.verification-code.spend-caps.monthly=40"));
	}

	static Stream<Arguments> badSpendCaps() {
		return Stream.of(
				Arguments.of(new String[] { "juhe.sms.international.spend-caps.per-area.44.daily=0" },
						"juhe.sms.international.spend-caps.per-area.44.daily ('0') must be at least 1 billed unit"),
				Arguments.of(
						new String[] { "juhe.sms.international.spend-caps.per-area.44.hourly=20",
								"juhe.sms.international.spend-caps.per-area.44.daily=10" },
						"juhe.sms.international.spend-caps.per-area.44.hourly ('20') must not exceed "
								+ "juhe.sms.international.spend-caps.per-area.44.daily (10)"),
				Arguments.of(new String[] { "juhe.sms.international.spend-caps.per-area[+44].daily=10" },
						"juhe.sms.international.spend-caps.per-area ('+44') must be keyed by area codes of 1 to 4 digits"),
				Arguments.of(new String[] { "juhe.sms.sms-api.spend-caps.per-area.44.daily=10" },
						"juhe.sms.sms-api.spend-caps.per-area ('44') is International SMS's only"),
				Arguments.of(
						new String[] { "juhe.sms.accounts.acme.key=k",
								"juhe.sms.accounts.acme.sms-api.spend-caps.daily=0" },
						"juhe.sms.accounts.acme.sms-api.spend-caps.daily ('0') must be at least 1 billed unit"),
				Arguments.of(
						new String[] { "juhe.sms.accounts.acme.key=k",
								"juhe.sms.accounts.acme.international.spend-caps.daily=9",
								"juhe.sms.accounts.acme.international.spend-caps.monthly=8" },
						"juhe.sms.accounts.acme.international.spend-caps.daily ('9') must not exceed "
								+ "juhe.sms.accounts.acme.international.spend-caps.monthly (8)"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("badSpendCaps")
	void aBadSpendCapOfAnAreaOrAnAccountFailsStartUpNamingThePropertyTheValueAndTheRule(String[] properties,
			String rule) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			ObjectError error = onlyError(context.getStartupFailure());
			assertThat(error.getDefaultMessage()).contains(rule);
		});
	}

	@Test
	void spendCapsWithinEachOtherStart() {
		this.contextRunner
			.withPropertyValues("juhe.sms.sms-api.spend-caps.hourly=10", "juhe.sms.sms-api.spend-caps.daily=10",
					"juhe.sms.sms-api.spend-caps.monthly=300", "juhe.sms.international.spend-caps.per-area.44.daily=5",
					"juhe.sms.accounts.acme.key=k", "juhe.sms.accounts.acme.video.spend-caps.hourly=1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	private static Arguments bad(String property, String value, String rule, String... others) {
		return Arguments.of("juhe.sms." + property, value, rule, others);
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("badValues")
	void aValueThatBreaksARuleFailsStartUpNamingThePropertyTheValueAndTheRule(String property, String value,
			String rule, String[] others) {
		this.contextRunner.withPropertyValues(property + "=" + value).withPropertyValues(others).run((context) -> {
			assertThat(context).hasFailed();
			BindValidationException failure = rootCause(context.getStartupFailure(), BindValidationException.class);
			assertThat(failure.getValidationErrors().getAllErrors()).singleElement().satisfies((error) -> {
				FieldError field = (FieldError) error;
				assertThat("juhe.sms." + field.getField()).isEqualTo(property);
				assertThat(field.getRejectedValue()).isNotNull();
				assertThat(field.getDefaultMessage()).contains(rule);
			});
		});
	}

	@Test
	void theDefaultsAndGoodValuesStart() {
		this.contextRunner
			.withPropertyValues("juhe.sms.base-url=http://127.0.0.1:8080/juhe", "juhe.sms.retry.max-attempts=1",
					"juhe.sms.retry.multiplier=1", "juhe.sms.fail-fast.cooldown=0s", "juhe.sms.codes.length=4",
					"juhe.sms.codes.resend-cooldown=0s", "juhe.sms.max-response-size=64MB")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theDocumentsRulesCanBeEmptiedOrTurnedOff() {
		this.contextRunner
			.withPropertyValues("juhe.sms.video.china-mobile-only=false", "juhe.sms.video.china-mobile-prefixes=",
					"juhe.sms.video.limits.rules=", "juhe.sms.video.send-window.enabled=false",
					"juhe.sms.sms-api.marketing.send-window.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JuheSmsProperties.Video video = context.getBean(JuheSmsProperties.class).getVideo();
				assertThat(video.getLimits().getRules()).isEmpty();
				assertThat(video.toRules()).isEqualTo(new VideoRules(null, null));
			});
	}

	@Test
	void theStoreSecretIsRequiredWithRedisAndNeverShown() {
		this.contextRunner.withPropertyValues("juhe.sms.store=redis").run((context) -> {
			ObjectError error = onlyError(context.getStartupFailure());
			assertThat(error).isNotInstanceOf(FieldError.class);
			assertThat(error.getDefaultMessage())
				.startsWith("juhe.sms.store-secret is required with juhe.sms.store=redis");
		});
		this.contextRunner.withPropertyValues("juhe.sms.store-secret=too-short-secret").run((context) -> {
			ObjectError error = onlyError(context.getStartupFailure());
			assertThat(error).isNotInstanceOf(FieldError.class);
			assertThat(error.getDefaultMessage())
				.isEqualTo("juhe.sms.store-secret must have at least 32 characters (had 16)");
			assertThat(context.getStartupFailure()).rootCause().hasMessageNotContaining("too-short-secret");
		});
	}

	static Stream<Arguments> badAccounts() {
		return Stream.of(
				Arguments.of(new String[] { "juhe.sms.accounts[acme.corp].key=k" },
						"juhe.sms.accounts ('acme.corp') must be named 1-64 letters, digits, '_' or '-', starting "
								+ "with a letter or digit, and not 'default'"),
				Arguments.of(new String[] { "juhe.sms.accounts[-acme].key=k" }, "juhe.sms.accounts ('-acme') must be"),
				Arguments.of(new String[] { "juhe.sms.accounts[ ].key=k" }, "juhe.sms.accounts (' ') must be named"),
				Arguments.of(new String[] { "juhe.sms.accounts.default.key=k" },
						"juhe.sms.accounts ('default') must be named"),
				Arguments.of(new String[] { "juhe.sms.accounts.Default.key=k" },
						"juhe.sms.accounts ('Default') must be named"),
				Arguments.of(new String[] { "juhe.sms.accounts.acme.codes.template-id=21" },
						"juhe.sms.accounts.acme.key (not set) must be set, or a product's key of the account "
								+ "(juhe.sms.accounts.acme.<product>.key)"),
				Arguments.of(
						new String[] { "juhe.sms.accounts.acme.key=k", "juhe.sms.accounts.acme.codes.template-id=0" },
						"juhe.sms.accounts.acme.codes.template-id ('0') must be a template id of Juhe's, at least 1"),
				Arguments.of(new String[] { "juhe.sms.accounts.Acme.key=k", "juhe.sms.accounts.acme.key=k2" },
						"names the same account as '"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("badAccounts")
	void aBadAccountFailsStartUpNamingThePropertyAndTheRuleButNeverTheKey(String[] properties, String rule) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			ObjectError error = onlyError(context.getStartupFailure());
			assertThat(error.getDefaultMessage()).contains(rule);
			assertThat(context.getStartupFailure()).rootCause().hasMessageNotContaining("=k");
		});
	}

	@Test
	void aNegativeAccountCacheTimeFailsStartUp() {
		this.contextRunner.withPropertyValues("juhe.sms.account-repository.cache-ttl=-1s").run((context) -> {
			FieldError error = (FieldError) onlyError(context.getStartupFailure());
			assertThat(error.getField()).isEqualTo("account-repository.cache-ttl");
			assertThat(error.getDefaultMessage()).isEqualTo("must not be negative");
		});
	}

	@Test
	void credentialsInTheBaseUrlAreRefusedWithoutBeingShown() {
		this.contextRunner.withPropertyValues("juhe.sms.base-url=https://user:s3cret@v.juhe.cn").run((context) -> {
			ObjectError error = onlyError(context.getStartupFailure());
			assertThat(error).isNotInstanceOf(FieldError.class);
			assertThat(error.getDefaultMessage()).startsWith("juhe.sms.base-url must not hold credentials");
			assertThat(context.getStartupFailure()).rootCause().hasMessageNotContaining("s3cret");
		});
	}

	@Test
	void theFailureReportNamesThePropertyTheValueAndTheRule(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--juhe.sms.key=k", "--juhe.sms.retry.max-attempts=0"));
		assertThat(output).contains("Property: juhe.sms.retry.max-attempts")
			.contains("Value: \"0\"")
			.contains("Reason: must be at least 1")
			.doesNotContain("Caused by");
	}

	@Test
	void aMissingClientNamesTheKeyPropertiesThatWouldCreateIt(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--juhe.sms.key=", "--juhe.sms.sms-api.key= "));
		assertThat(output)
			.contains("A component needs a SmsApiClient, which the Juhe SMS starter did not create: no key: "
					+ "juhe.sms.sms-api.key is blank and juhe.sms.key is blank.")
			.contains("Set juhe.sms.sms-api.key or juhe.sms.key")
			.doesNotContain("Consider defining a bean");
	}

	@Test
	void aDisabledProductIsNamedAsTheReason() {
		this.contextRunner.withUserConfiguration(NeedsSmsApi.class)
			.withPropertyValues("juhe.sms.sms-api.enabled=false")
			.run((context) -> assertThat(analysis(context, "juhe.sms.sms-api.enabled=false").getDescription())
				.contains("did not create: juhe.sms.sms-api.enabled is false."));
	}

	@Test
	void aMissingCodeServiceNamesTheTemplateProperty() {
		this.contextRunner.withUserConfiguration(NeedsCodes.class)
			.run((context) -> assertThat(analysis(context).getDescription()).contains(
					"creates only once juhe.sms.codes.template-id is set: juhe.sms.codes.template-id is not set"));
	}

	@Test
	void codesThroughAProductWithoutAClientFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("juhe.sms.codes.template-id=21", "juhe.sms.codes.product=sms-api",
					"juhe.sms.sms-api.enabled=false")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).contains("Property: juhe.sms.codes.product")
					.contains("Value: \"sms-api\"")
					.contains("Reason: names the SMS API product, whose client was not created");
				assertThat(analysis.getAction()).contains("Set juhe.sms.sms-api.key or juhe.sms.key");
			});
	}

	// The failed context's environment cannot be read: one with the same properties.
	private static FailureAnalysis analysis(
			org.springframework.boot.test.context.assertj.AssertableApplicationContext context, String... properties) {
		assertThat(context).hasFailed();
		MockEnvironment environment = new MockEnvironment().withProperty("juhe.sms.key", "k");
		for (String property : properties) {
			int equals = property.indexOf('=');
			environment.setProperty(property.substring(0, equals), property.substring(equals + 1));
		}
		FailureAnalysis analysis = new JuheSmsFailureAnalyzer(environment).analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return analysis;
	}

	private static void start(String... args) {
		SpringApplication application = new SpringApplication(StartsTheStarter.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	private static ObjectError onlyError(Throwable failure) {
		BindValidationException validation = rootCause(failure, BindValidationException.class);
		assertThat(validation.getValidationErrors().getAllErrors()).hasSize(1);
		return validation.getValidationErrors().getAllErrors().get(0);
	}

	private static <T extends Throwable> T rootCause(Throwable failure, Class<T> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
	}

	@Configuration(proxyBeanMethods = false)
	@org.springframework.boot.autoconfigure.ImportAutoConfiguration(JuheSmsAutoConfiguration.class)
	static class StartsTheStarter {

		@Bean
		String needsSmsApi(SmsApiClient client) {
			return Arrays.toString(new Object[] { client });
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsSmsApi {

		@Bean
		String needsSmsApi(SmsApiClient client) {
			return client.toString();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NeedsCodes {

		@Bean
		String needsCodes(io.github.juhesms.codes.VerificationCodeService codes) {
			return codes.toString();
		}

	}

}

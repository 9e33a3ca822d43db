package io.github.juhesms.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.juhesms.call.FailFastSettings;
import io.github.juhesms.call.JuheRetrySettings;
import io.github.juhesms.call.RetryBudgetSettings;
import io.github.juhesms.codes.VerificationCodeSettings;
import io.github.juhesms.smsapi.SmsApiVariablesFormat;
import org.jspecify.annotations.Nullable;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of the Juhe SMS clients. Checked when bound: a value that breaks a rule
 * fails start-up naming the property, the value and the rule.
 */
@ConfigurationProperties("juhe.sms")
public class JuheSmsProperties implements Validator {

	/**
	 * Key used by every product that has no key of its own. Juhe issues one key per
	 * product subscription, so a product's own key wins.
	 */
	private @Nullable String key;

	/**
	 * Base URL of the Juhe API. http is accepted, with a warning, because the key would
	 * travel in clear.
	 */
	private String baseUrl = "https://v.juhe.cn";

	/**
	 * Connect timeout of calls to Juhe.
	 */
	private Duration connectTimeout = Duration.ofSeconds(3);

	/**
	 * Read timeout of calls to Juhe. A send that times out is not resent: its outcome is
	 * unknown.
	 */
	private Duration readTimeout = Duration.ofSeconds(10);

	/**
	 * Largest response body read; a longer one is reported as an invalid response.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(1);

	/**
	 * Most connections to Juhe open at once, with Apache HttpClient (the library's own
	 * default of 5 per host would make concurrent sends wait for one another).
	 */
	private int maxConnections = 20;

	/**
	 * Longest one HTTP attempt takes, from connecting to the answer's last byte, however
	 * slowly the answer trickles in; must exceed the connect timeout. A send past it is
	 * "outcome unknown" and not resent. Defaults to the connect and read timeouts
	 * together.
	 */
	private @Nullable Duration attemptTimeout;

	/**
	 * Longest a pooled connection to Juhe stays idle before the starter closes it instead
	 * of sending on it, well under common servers' keep-alive timeouts (nginx's 75s) so
	 * the client always closes first. A shorter Keep-Alive timeout announced by the
	 * server wins.
	 */
	private Duration connectionIdleTimeout = Duration.ofSeconds(10);

	/**
	 * Retry of calls that Juhe surely did not act on.
	 */
	private final Retry retry = new Retry();

	/**
	 * Cool-down after answers that will not change by retrying soon.
	 */
	private final FailFast failFast = new FailFast();

	/**
	 * Where send limits, idempotency keys and verification codes are kept: in this
	 * process, or in Redis for applications that run several instances (needs a Spring
	 * Data Redis connection factory).
	 */
	private StoreType store = StoreType.MEMORY;

	/**
	 * Secret of the keyed digests (HMAC-SHA256) that stand for phone numbers, idempotency
	 * keys and codes in the stores, at least 32 characters, the same on every instance.
	 * Required with store=redis; unset with the memory store, each process makes a random
	 * one. Changing it forgets every limit, idempotency key and pending code.
	 */
	private @Nullable String storeSecret;

	/**
	 * Redis store settings.
	 */
	private final Redis redis = new Redis();

	/**
	 * Per-number send limits, checked before any HTTP call.
	 */
	private final Limits limits = new Limits();

	/**
	 * De-duplication of sends that carry an idempotency key.
	 */
	private final Idempotency idempotency = new Idempotency();

	/**
	 * Verification codes for sign-in and sign-up.
	 */
	private final Codes codes = new Codes();

	/**
	 * International SMS (国际短信).
	 */
	private final Product international = new Product(235700, 235712);

	// 222800 ("网络异常，发送失败") is not a busy code on purpose: the document reports a failed
	// send but, unlike 228807, does not invite a retry, and a network fault between Juhe
	// and the carrier is exactly where a message may have gone out unacknowledged.
	/**
	 * Financial SMS (金融短信).
	 */
	private final Product financial = new Product(228807);

	// Its document names no busy code, so nothing is retried by default.
	/**
	 * Verification-code SMS (短信API服务（验证码）).
	 */
	private final Product verificationCode = new Product();

	/**
	 * The SMS API (短信API服务).
	 */
	private final SmsApi smsApi = new SmsApi();

	/**
	 * Video SMS (视频短信).
	 */
	private final Product video = new Product(236300);

	public @Nullable String getKey() {
		return this.key;
	}

	public void setKey(@Nullable String key) {
		this.key = key;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public @Nullable Duration getAttemptTimeout() {
		return this.attemptTimeout;
	}

	public void setAttemptTimeout(@Nullable Duration attemptTimeout) {
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * The attempt timeout in effect.
	 * @return the attempt timeout, or the connect and read timeouts together
	 */
	public Duration determineAttemptTimeout() {
		return (this.attemptTimeout != null) ? this.attemptTimeout : this.connectTimeout.plus(this.readTimeout);
	}

	public Duration getConnectionIdleTimeout() {
		return this.connectionIdleTimeout;
	}

	public void setConnectionIdleTimeout(Duration connectionIdleTimeout) {
		this.connectionIdleTimeout = connectionIdleTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public FailFast getFailFast() {
		return this.failFast;
	}

	public StoreType getStore() {
		return this.store;
	}

	public void setStore(StoreType store) {
		this.store = store;
	}

	public @Nullable String getStoreSecret() {
		return this.storeSecret;
	}

	public void setStoreSecret(@Nullable String storeSecret) {
		this.storeSecret = storeSecret;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public Limits getLimits() {
		return this.limits;
	}

	public Idempotency getIdempotency() {
		return this.idempotency;
	}

	public Codes getCodes() {
		return this.codes;
	}

	public Product getInternational() {
		return this.international;
	}

	public Product getFinancial() {
		return this.financial;
	}

	public Product getVerificationCode() {
		return this.verificationCode;
	}

	public SmsApi getSmsApi() {
		return this.smsApi;
	}

	public Product getVideo() {
		return this.video;
	}

	/**
	 * The key a product uses: its own, else the shared one.
	 * @param product the product's properties
	 * @return the key, or {@code null} when neither is set
	 */
	public @Nullable String resolveKey(Product product) {
		return StringUtils.hasText(product.getKey()) ? product.getKey()
				: (StringUtils.hasText(this.key) ? this.key : null);
	}

	@Override
	public boolean supports(Class<?> type) {
		return JuheSmsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		JuheSmsPropertiesRules.check((JuheSmsProperties) target, errors);
	}

	@Override
	public String toString() {
		return "JuheSmsProperties[baseUrl=" + this.baseUrl + ", key=" + mask(this.key) + ", international="
				+ this.international + ", financial=" + this.financial + ", verificationCode=" + this.verificationCode
				+ ", smsApi=" + this.smsApi + ", video=" + this.video + "]";
	}

	static String mask(@Nullable String key) {
		return StringUtils.hasText(key) ? "****" : "<none>";
	}

	/**
	 * Retry settings shared by all products.
	 */
	public static class Retry {

		/**
		 * The pipeline's settings of these properties.
		 * @return the retry settings
		 */
		public JuheRetrySettings toSettings() {
			return new JuheRetrySettings(this.maxAttempts, this.initialInterval, this.multiplier, this.maxInterval,
					this.jitter);
		}

		/**
		 * Most HTTP requests per call, the first included. 1 turns retries off.
		 */
		private int maxAttempts = JuheRetrySettings.DEFAULTS.maxAttempts();

		/**
		 * Wait before the first retry.
		 */
		private Duration initialInterval = JuheRetrySettings.DEFAULTS.initialInterval();

		/**
		 * Factor applied to the wait after each retry.
		 */
		private double multiplier = JuheRetrySettings.DEFAULTS.multiplier();

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxInterval = JuheRetrySettings.DEFAULTS.maxInterval();

		/**
		 * Random deviation added to or taken from each wait, so that many callers do not
		 * retry in step.
		 */
		private Duration jitter = JuheRetrySettings.DEFAULTS.jitter();

		/**
		 * Budget of retries shared by all calls of a product.
		 */
		private final Budget budget = new Budget();

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		public Budget getBudget() {
			return this.budget;
		}

	}

	/**
	 * Budget of retries shared by all calls of one product: first attempts are never held
	 * back, each retry takes a token, and tokens come back one per refill interval up to
	 * the capacity.
	 */
	public static class Budget {

		/**
		 * The pipeline's settings of these properties.
		 * @return the budget settings
		 */
		public RetryBudgetSettings toSettings() {
			return new RetryBudgetSettings(this.enabled, this.capacity, this.refillInterval);
		}

		/**
		 * Whether retries are limited by a budget, so an outage of Juhe does not multiply
		 * traffic.
		 */
		private boolean enabled = RetryBudgetSettings.DEFAULTS.enabled();

		/**
		 * Most retries the budget holds, and holds at start.
		 */
		private int capacity = RetryBudgetSettings.DEFAULTS.capacity();

		/**
		 * Time after which one more retry is allowed.
		 */
		private Duration refillInterval = RetryBudgetSettings.DEFAULTS.refillInterval();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public Duration getRefillInterval() {
			return this.refillInterval;
		}

		public void setRefillInterval(Duration refillInterval) {
			this.refillInterval = refillInterval;
		}

	}

	/**
	 * After an answer that will not change by retrying soon, a product refuses calls
	 * without HTTP for a cool-down, then tries Juhe again.
	 */
	public static class FailFast {

		/**
		 * The pipeline's settings of these properties.
		 * @return the fail-fast settings
		 */
		public FailFastSettings toSettings() {
			return new FailFastSettings(this.codes, this.cooldown);
		}

		/**
		 * Error codes that start a cool-down: bad key, key expired, IP banned, key
		 * banned, maintenance, API stopped.
		 */
		private Set<Integer> codes = new TreeSet<>(FailFastSettings.DEFAULTS.codes());

		/**
		 * How long a product refuses calls after one of those codes; 0 turns failing fast
		 * off.
		 */
		private Duration cooldown = FailFastSettings.DEFAULTS.cooldown();

		public Set<Integer> getCodes() {
			return this.codes;
		}

		public void setCodes(Set<Integer> codes) {
			this.codes = codes;
		}

		public Duration getCooldown() {
			return this.cooldown;
		}

		public void setCooldown(Duration cooldown) {
			this.cooldown = cooldown;
		}

	}

	/**
	 * Settings of one product.
	 */
	public static class Product {

		/**
		 * Whether the product's client bean is created (it also needs a key).
		 */
		private boolean enabled = true;

		/**
		 * The product's own key; falls back to juhe.sms.key.
		 */
		private @Nullable String key;

		/**
		 * Error codes that mean "busy, not accepted, retry later"; only these answers are
		 * retried.
		 */
		private List<Integer> busyCodes;

		/**
		 * Create the settings of a product without busy codes.
		 */
		public Product() {
			this.busyCodes = new ArrayList<>();
		}

		// Not public: with a public constructor taking arguments as its only one, Boot
		// would bind the product through that constructor instead of its setters.
		Product(Integer... defaultBusyCodes) {
			this.busyCodes = new ArrayList<>(List.of(defaultBusyCodes));
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

		public List<Integer> getBusyCodes() {
			return this.busyCodes;
		}

		public void setBusyCodes(List<Integer> busyCodes) {
			this.busyCodes = busyCodes;
		}

		@Override
		public String toString() {
			return "[enabled=" + this.enabled + ", key=" + mask(this.key) + ", busyCodes=" + this.busyCodes + "]";
		}

	}

	/**
	 * SMS API settings; busy codes 205403 and 205409 by default.
	 */
	public static class SmsApi extends Product {

		/**
		 * How send carries template variables: as the vars JSON object (recommended by
		 * the document) or as tpl_value pairs.
		 */
		private SmsApiVariablesFormat variablesFormat = SmsApiVariablesFormat.VARS;

		public SmsApi() {
			super(205403, 205409);
		}

		public SmsApiVariablesFormat getVariablesFormat() {
			return this.variablesFormat;
		}

		public void setVariablesFormat(SmsApiVariablesFormat variablesFormat) {
			this.variablesFormat = variablesFormat;
		}

	}

	/**
	 * Where send limits, idempotency keys and verification codes are kept.
	 */
	public enum StoreType {

		/** In this process: no set-up, bounded in size, not shared between instances. */
		MEMORY,

		/** In Redis, shared by every instance of the application. */
		REDIS

	}

	/**
	 * Redis store settings.
	 */
	public static class Redis {

		/**
		 * Prefix of every key the starter writes to Redis.
		 */
		private String keyPrefix = "juhe:sms:";

		/**
		 * Whether sends go ahead without limits and de-duplication when Redis cannot be
		 * reached. By default they fail closed (nothing is sent). Verification codes
		 * always fail closed.
		 */
		private boolean failOpen = false;

		/**
		 * How long one of the starter's Redis commands may take, connecting included,
		 * before the call is refused as the store being unavailable. The starter keeps
		 * its own connections to the application's Redis (Lettuce), so Boot's
		 * spring.data.redis.timeout does not hold sends during an outage.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public boolean isFailOpen() {
			return this.failOpen;
		}

		public void setFailOpen(boolean failOpen) {
			this.failOpen = failOpen;
		}

	}

	/**
	 * Per-number send limits. Only configuration can bypass them: there is no per-call
	 * switch.
	 */
	public static class Limits {

		/**
		 * Whether every send passes the per-number limits.
		 */
		private boolean enabled = true;

		/**
		 * Rules every number must stay within, each at most count sends in any window.
		 * The defaults are the carriers' rules for one number and signature.
		 */
		private List<Rule> rules = new ArrayList<>(
				List.of(new Rule(1, Duration.ofMinutes(1)), new Rule(3, Duration.ofMinutes(10)),
						new Rule(4, Duration.ofHours(1)), new Rule(20, Duration.ofDays(1))));

		/**
		 * Whether each template of a number is limited on its own; by default all
		 * templates of a product share the number's limits (stricter, safer against SMS
		 * bombing).
		 */
		private boolean perTemplate = false;

		/**
		 * Most numbers the in-memory store tracks at once (the least recently sent to are
		 * dropped first).
		 */
		private long maxNumbers = 100_000;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<Rule> getRules() {
			return this.rules;
		}

		public void setRules(List<Rule> rules) {
			this.rules = rules;
		}

		public boolean isPerTemplate() {
			return this.perTemplate;
		}

		public void setPerTemplate(boolean perTemplate) {
			this.perTemplate = perTemplate;
		}

		public long getMaxNumbers() {
			return this.maxNumbers;
		}

		public void setMaxNumbers(long maxNumbers) {
			this.maxNumbers = maxNumbers;
		}

		/**
		 * One rule: at most count sends to a number in any window.
		 */
		public static class Rule {

			/**
			 * Most sends in the window.
			 */
			private int count;

			/**
			 * Length of the sliding window.
			 */
			private Duration window;

			public Rule() {
				this(1, Duration.ofMinutes(1));
			}

			Rule(int count, Duration window) {
				this.count = count;
				this.window = window;
			}

			public int getCount() {
				return this.count;
			}

			public void setCount(int count) {
				this.count = count;
			}

			public Duration getWindow() {
				return this.window;
			}

			public void setWindow(Duration window) {
				this.window = window;
			}

		}

	}

	/**
	 * De-duplication of sends that carry an idempotency key.
	 */
	public static class Idempotency {

		/**
		 * How long a key is remembered: a repeat within it returns the first send's
		 * result.
		 */
		private Duration window = Duration.ofHours(24);

		/**
		 * How long a repeat waits for a first send with the same key that is still in
		 * flight.
		 */
		private Duration waitTimeout = Duration.ofSeconds(30);

		/**
		 * Most keys the in-memory store remembers at once (the oldest dropped first).
		 */
		private long maxKeys = 100_000;

		public Duration getWindow() {
			return this.window;
		}

		public void setWindow(Duration window) {
			this.window = window;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

		public long getMaxKeys() {
			return this.maxKeys;
		}

		public void setMaxKeys(long maxKeys) {
			this.maxKeys = maxKeys;
		}

	}

	/**
	 * Verification codes; the VerificationCodeService bean exists once template-id is
	 * set.
	 */
	public static class Codes {

		/**
		 * The code service's settings of these properties.
		 * @return the settings
		 */
		public VerificationCodeSettings toSettings() {
			return new VerificationCodeSettings(this.length, this.ttl, this.resendCooldown, this.maxAttempts,
					this.codeVariable, this.minutesVariable, this.variables);
		}

		/**
		 * Product that sends the codes.
		 */
		private CodeProduct product = CodeProduct.VERIFICATION_CODE;

		/**
		 * Approved template of that product the codes are sent with.
		 */
		private @Nullable Long templateId;

		/**
		 * Digits of a code, 4-8.
		 */
		private int length = 6;

		/**
		 * How long a code is valid.
		 */
		private Duration ttl = Duration.ofMinutes(5);

		/**
		 * How long after a send no new code is sent to the same purpose and number.
		 */
		private Duration resendCooldown = Duration.ofSeconds(60);

		/**
		 * Verifications allowed per code; after that the code is void.
		 */
		private int maxAttempts = 5;

		/**
		 * Template variable that receives the code.
		 */
		private String codeVariable = "code";

		/**
		 * Template variable that receives the validity in minutes, for templates such as
		 * "有效期#m#分钟".
		 */
		private @Nullable String minutesVariable;

		/**
		 * Further fixed variables of the template.
		 */
		private Map<String, String> variables = new LinkedHashMap<>();

		/**
		 * Most purposes and numbers the in-memory store keeps at once.
		 */
		private long maxNumbers = 100_000;

		public CodeProduct getProduct() {
			return this.product;
		}

		public void setProduct(CodeProduct product) {
			this.product = product;
		}

		public @Nullable Long getTemplateId() {
			return this.templateId;
		}

		public void setTemplateId(@Nullable Long templateId) {
			this.templateId = templateId;
		}

		public int getLength() {
			return this.length;
		}

		public void setLength(int length) {
			this.length = length;
		}

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public Duration getResendCooldown() {
			return this.resendCooldown;
		}

		public void setResendCooldown(Duration resendCooldown) {
			this.resendCooldown = resendCooldown;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public String getCodeVariable() {
			return this.codeVariable;
		}

		public void setCodeVariable(String codeVariable) {
			this.codeVariable = codeVariable;
		}

		public @Nullable String getMinutesVariable() {
			return this.minutesVariable;
		}

		public void setMinutesVariable(@Nullable String minutesVariable) {
			this.minutesVariable = minutesVariable;
		}

		public Map<String, String> getVariables() {
			return this.variables;
		}

		public void setVariables(Map<String, String> variables) {
			this.variables = variables;
		}

		public long getMaxNumbers() {
			return this.maxNumbers;
		}

		public void setMaxNumbers(long maxNumbers) {
			this.maxNumbers = maxNumbers;
		}

		/**
		 * Product that sends verification codes.
		 */
		public enum CodeProduct {

			/** Verification-code SMS (短信API服务（验证码）). */
			VERIFICATION_CODE,

			/** The SMS API (短信API服务). */
			SMS_API

		}

	}

}

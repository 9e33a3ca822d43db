package io.github.juhesms.autoconfigure;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.call.FailFastSettings;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.call.JuheRetrySettings;
import io.github.juhesms.call.RetryBudgetSettings;
import io.github.juhesms.call.SendWindow;
import io.github.juhesms.codes.VerificationCodeSettings;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.FinancialCampaignSettings;
import io.github.juhesms.smsapi.SmsApiRules;
import io.github.juhesms.smsapi.SmsApiVariablesFormat;
import io.github.juhesms.template.TemplateCheckSettings;
import io.github.juhesms.video.VideoRules;
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
	 * Create the starter's settings with their defaults.
	 */
	public JuheSmsProperties() {
	}

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
	 * "outcome unknown" and not resent; checked every 10 ms. Defaults to the connect and
	 * read timeouts together.
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
	 * Asynchronous sends (sendAsync) of every product.
	 */
	private final Async async = new Async();

	/**
	 * International SMS (国际短信).
	 */
	private final International international = new International();

	// 222800 ("网络异常，发送失败") is not a busy code on purpose: the document reports a failed
	// send but, unlike 228807, does not invite a retry, and a network fault between Juhe
	// and the carrier is exactly where a message may have gone out unacknowledged.
	/**
	 * Financial SMS (金融短信).
	 */
	private final Financial financial = new Financial();

	// Its document names no busy code, so nothing is retried by default.
	/**
	 * Verification-code SMS (短信API服务（验证码）).
	 */
	private final TemplatedProduct verificationCode = new TemplatedProduct();

	/**
	 * The SMS API (短信API服务).
	 */
	private final SmsApi smsApi = new SmsApi();

	/**
	 * Video SMS (视频短信).
	 */
	private final Video video = new Video();

	/**
	 * Named accounts (Juhe subscriptions, each with its own keys) beside the default one
	 * of juhe.sms.key, chosen per call or by a JuheSmsAccountResolver bean.
	 */
	private final Map<String, Account> accounts = new LinkedHashMap<>();

	/**
	 * Caching of the accounts a JuheSmsAccountRepository bean supplies.
	 */
	private final AccountRepository accountRepository = new AccountRepository();

	/**
	 * {@return the key used by every product that has no key of its own, or {@code null}
	 * when unset}
	 */
	public @Nullable String getKey() {
		return this.key;
	}

	/**
	 * Set the key used by every product that has no key of its own.
	 * @param key the shared key, or {@code null} for none
	 */
	public void setKey(@Nullable String key) {
		this.key = key;
	}

	/**
	 * {@return the base URL of the Juhe API}
	 */
	public String getBaseUrl() {
		return this.baseUrl;
	}

	/**
	 * Set the base URL of the Juhe API.
	 * @param baseUrl the base URL
	 */
	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * {@return the connect timeout of calls to Juhe}
	 */
	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	/**
	 * Set the connect timeout of calls to Juhe.
	 * @param connectTimeout the connect timeout
	 */
	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	/**
	 * {@return the read timeout of calls to Juhe}
	 */
	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	/**
	 * Set the read timeout of calls to Juhe.
	 * @param readTimeout the read timeout
	 */
	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	/**
	 * {@return the largest response body read}
	 */
	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	/**
	 * Set the largest response body read.
	 * @param maxResponseSize the largest response body
	 */
	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	/**
	 * {@return the longest one HTTP attempt takes, from connecting to the answer's last
	 * byte, or {@code null} for the connect and read timeouts together}
	 */
	public @Nullable Duration getAttemptTimeout() {
		return this.attemptTimeout;
	}

	/**
	 * Set the longest one HTTP attempt takes, from connecting to the answer's last byte.
	 * @param attemptTimeout the attempt timeout, or {@code null} for the connect and read
	 * timeouts together
	 */
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

	/**
	 * {@return the longest a pooled connection to Juhe stays idle before it is closed}
	 */
	public Duration getConnectionIdleTimeout() {
		return this.connectionIdleTimeout;
	}

	/**
	 * Set the longest a pooled connection to Juhe stays idle before it is closed.
	 * @param connectionIdleTimeout the idle timeout
	 */
	public void setConnectionIdleTimeout(Duration connectionIdleTimeout) {
		this.connectionIdleTimeout = connectionIdleTimeout;
	}

	/**
	 * {@return the most connections to Juhe open at once with Apache HttpClient}
	 */
	public int getMaxConnections() {
		return this.maxConnections;
	}

	/**
	 * Set the most connections to Juhe open at once with Apache HttpClient.
	 * @param maxConnections the most connections
	 */
	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	/**
	 * {@return the retry settings of calls that Juhe surely did not act on}
	 */
	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * {@return the fail-fast settings: a cool-down after answers that will not change by
	 * retrying soon}
	 */
	public FailFast getFailFast() {
		return this.failFast;
	}

	/**
	 * {@return where send limits, idempotency keys and verification codes are kept}
	 */
	public StoreType getStore() {
		return this.store;
	}

	/**
	 * Set where send limits, idempotency keys and verification codes are kept.
	 * @param store the store type
	 */
	public void setStore(StoreType store) {
		this.store = store;
	}

	/**
	 * {@return the secret of the keyed digests that stand for phone numbers, idempotency
	 * keys and codes in the stores, or {@code null} when unset}
	 */
	public @Nullable String getStoreSecret() {
		return this.storeSecret;
	}

	/**
	 * Set the secret of the keyed digests that stand for phone numbers, idempotency keys
	 * and codes in the stores.
	 * @param storeSecret the secret, or {@code null} to let the memory store make a
	 * random one
	 */
	public void setStoreSecret(@Nullable String storeSecret) {
		this.storeSecret = storeSecret;
	}

	/**
	 * {@return the Redis store settings}
	 */
	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * {@return the per-number send limits}
	 */
	public Limits getLimits() {
		return this.limits;
	}

	/**
	 * {@return the de-duplication settings of sends that carry an idempotency key}
	 */
	public Idempotency getIdempotency() {
		return this.idempotency;
	}

	/**
	 * {@return the verification code settings}
	 */
	public Codes getCodes() {
		return this.codes;
	}

	/**
	 * {@return the settings of every product's asynchronous sends}
	 */
	public Async getAsync() {
		return this.async;
	}

	/**
	 * {@return the International SMS (国际短信) settings}
	 */
	public International getInternational() {
		return this.international;
	}

	/**
	 * {@return the Financial SMS (金融短信) settings}
	 */
	public Financial getFinancial() {
		return this.financial;
	}

	/**
	 * {@return the Verification-code SMS (短信API服务（验证码）) settings}
	 */
	public TemplatedProduct getVerificationCode() {
		return this.verificationCode;
	}

	/**
	 * {@return the SMS API (短信API服务) settings}
	 */
	public SmsApi getSmsApi() {
		return this.smsApi;
	}

	/**
	 * {@return the Video SMS (视频短信) settings}
	 */
	public Video getVideo() {
		return this.video;
	}

	/**
	 * {@return the named accounts, by name}
	 */
	public Map<String, Account> getAccounts() {
		return this.accounts;
	}

	/**
	 * {@return the caching of the accounts a JuheSmsAccountRepository supplies}
	 */
	public AccountRepository getAccountRepository() {
		return this.accountRepository;
	}

	/**
	 * The default account: {@code juhe.sms.key} and each product's key.
	 * @return the account
	 */
	public JuheSmsAccount toDefaultAccount() {
		JuheSmsAccount.Builder account = JuheSmsAccount.builder(JuheSmsAccount.DEFAULT).key(this.key);
		// Loops, not lambdas, on the start-up path (docs/architecture.md).
		for (Map.Entry<JuheProduct, Product> product : products().entrySet()) {
			account.key(product.getKey(), product.getValue().getKey());
		}
		return account.codesTemplateId(this.codes.getTemplateId()).build();
	}

	/**
	 * The named accounts.
	 * @return the accounts, in the order they are configured
	 */
	public List<JuheSmsAccount> toAccounts() {
		List<JuheSmsAccount> accounts = new ArrayList<>(this.accounts.size());
		for (Map.Entry<String, Account> account : this.accounts.entrySet()) {
			accounts.add(account.getValue().toAccount(account.getKey()));
		}
		return accounts;
	}

	/**
	 * The settings of each product.
	 * @return the settings by product
	 */
	public Map<JuheProduct, Product> products() {
		Map<JuheProduct, Product> products = new EnumMap<>(JuheProduct.class);
		products.put(JuheProduct.INTERNATIONAL, this.international);
		products.put(JuheProduct.FINANCIAL, this.financial);
		products.put(JuheProduct.VERIFICATION_CODE, this.verificationCode);
		products.put(JuheProduct.SMS_API, this.smsApi);
		products.put(JuheProduct.VIDEO, this.video);
		return products;
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
				+ ", smsApi=" + this.smsApi + ", video=" + this.video + ", accounts=" + this.accounts + "]";
	}

	static String mask(@Nullable String key) {
		return StringUtils.hasText(key) ? "****" : "<none>";
	}

	/**
	 * Retry settings shared by all products.
	 */
	public static class Retry {

		/**
		 * Create the retry settings with their defaults.
		 */
		public Retry() {
		}

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

		/**
		 * {@return the most HTTP requests per call, the first included}
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set the most HTTP requests per call, the first included.
		 * @param maxAttempts the most requests, 1 to turn retries off
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * {@return the wait before the first retry}
		 */
		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		/**
		 * Set the wait before the first retry.
		 * @param initialInterval the first wait
		 */
		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		/**
		 * {@return the factor applied to the wait after each retry}
		 */
		public double getMultiplier() {
			return this.multiplier;
		}

		/**
		 * Set the factor applied to the wait after each retry.
		 * @param multiplier the factor
		 */
		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		/**
		 * {@return the longest wait between two attempts}
		 */
		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		/**
		 * Set the longest wait between two attempts.
		 * @param maxInterval the longest wait
		 */
		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		/**
		 * {@return the random deviation added to or taken from each wait}
		 */
		public Duration getJitter() {
			return this.jitter;
		}

		/**
		 * Set the random deviation added to or taken from each wait.
		 * @param jitter the random deviation
		 */
		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		/**
		 * {@return the budget of retries shared by all calls of a product}
		 */
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
		 * Create the retry budget settings with their defaults.
		 */
		public Budget() {
		}

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

		/**
		 * {@return whether retries are limited by a budget}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether retries are limited by a budget.
		 * @param enabled {@code true} to limit retries by the budget
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the most retries the budget holds, and holds at start}
		 */
		public int getCapacity() {
			return this.capacity;
		}

		/**
		 * Set the most retries the budget holds, and holds at start.
		 * @param capacity the most retries
		 */
		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		/**
		 * {@return the time after which one more retry is allowed}
		 */
		public Duration getRefillInterval() {
			return this.refillInterval;
		}

		/**
		 * Set the time after which one more retry is allowed.
		 * @param refillInterval the refill interval
		 */
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
		 * Create the fail-fast settings with their defaults.
		 */
		public FailFast() {
		}

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

		/**
		 * {@return the error codes that start a cool-down}
		 */
		public Set<Integer> getCodes() {
			return this.codes;
		}

		/**
		 * Set the error codes that start a cool-down.
		 * @param codes the error codes
		 */
		public void setCodes(Set<Integer> codes) {
			this.codes = codes;
		}

		/**
		 * {@return how long a product refuses calls after one of those codes}
		 */
		public Duration getCooldown() {
			return this.cooldown;
		}

		/**
		 * Set how long a product refuses calls after one of those codes.
		 * @param cooldown the cool-down, 0 to turn failing fast off
		 */
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
		 * The product's own per-number send limits, kept besides juhe.sms.limits.rules.
		 */
		private final ProductLimits limits = new ProductLimits();

		/**
		 * Caps on the product's billed units per calendar hour, day and month in China,
		 * for each account; unset for no cap.
		 */
		private final SpendCaps spendCaps = new SpendCaps();

		/**
		 * The product's own settings of asynchronous sends.
		 */
		private final ProductAsync async = new ProductAsync();

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

		/**
		 * {@return whether the product's client bean is created (it also needs a key)}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether the product's client bean is created (it also needs a key).
		 * @param enabled {@code false} to create no client bean
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the product's own key, or {@code null} when it falls back to
		 * {@code juhe.sms.key}}
		 */
		public @Nullable String getKey() {
			return this.key;
		}

		/**
		 * Set the product's own key.
		 * @param key the key, or {@code null} to fall back to {@code juhe.sms.key}
		 */
		public void setKey(@Nullable String key) {
			this.key = key;
		}

		/**
		 * {@return the error codes that mean "busy, not accepted, retry later", the only
		 * answers retried}
		 */
		public List<Integer> getBusyCodes() {
			return this.busyCodes;
		}

		/**
		 * Set the error codes that mean "busy, not accepted, retry later", the only
		 * answers retried.
		 * @param busyCodes the busy codes
		 */
		public void setBusyCodes(List<Integer> busyCodes) {
			this.busyCodes = busyCodes;
		}

		/**
		 * {@return the product's own per-number send limits}
		 */
		public ProductLimits getLimits() {
			return this.limits;
		}

		/**
		 * {@return the caps on the product's billed units per calendar hour, day and
		 * month}
		 */
		public SpendCaps getSpendCaps() {
			return this.spendCaps;
		}

		/**
		 * {@return the product's own settings of asynchronous sends}
		 */
		public ProductAsync getAsync() {
			return this.async;
		}

		@Override
		public String toString() {
			return "[" + fields() + "]";
		}

		// A product with settings of its own adds them here, inside the brackets.
		String fields() {
			return "enabled=" + this.enabled + ", key=" + mask(this.key) + ", busyCodes=" + this.busyCodes
					+ ", spendCaps=" + this.spendCaps;
		}

	}

	/**
	 * Caps on billed units per calendar hour, day and month in China (Asia/Shanghai);
	 * unset for no cap in that window.
	 */
	public static class CapLimits {

		/**
		 * Most billed units per calendar hour; unset for no hourly cap.
		 */
		private @Nullable Long hourly;

		/**
		 * Most billed units per calendar day in China; unset for no daily cap.
		 */
		private @Nullable Long daily;

		/**
		 * Most billed units per calendar month in China; unset for no monthly cap.
		 */
		private @Nullable Long monthly;

		/**
		 * Create caps of no window.
		 */
		public CapLimits() {
		}

		/**
		 * {@return the most billed units per calendar hour, or {@code null}}
		 */
		public @Nullable Long getHourly() {
			return this.hourly;
		}

		/**
		 * Set the most billed units per calendar hour.
		 * @param hourly the units, or {@code null} for no cap
		 */
		public void setHourly(@Nullable Long hourly) {
			this.hourly = hourly;
		}

		/**
		 * {@return the most billed units per calendar day in China, or {@code null}}
		 */
		public @Nullable Long getDaily() {
			return this.daily;
		}

		/**
		 * Set the most billed units per calendar day in China.
		 * @param daily the units, or {@code null} for no cap
		 */
		public void setDaily(@Nullable Long daily) {
			this.daily = daily;
		}

		/**
		 * {@return the most billed units per calendar month in China, or {@code null}}
		 */
		public @Nullable Long getMonthly() {
			return this.monthly;
		}

		/**
		 * Set the most billed units per calendar month in China.
		 * @param monthly the units, or {@code null} for no cap
		 */
		public void setMonthly(@Nullable Long monthly) {
			this.monthly = monthly;
		}

		/**
		 * {@return whether no window has a cap}
		 */
		public boolean isEmpty() {
			return this.hourly == null && this.daily == null && this.monthly == null;
		}

		@Override
		public String toString() {
			return "[" + fields() + "]";
		}

		// Caps with settings of their own add them here, inside the brackets.
		String fields() {
			return "hourly=" + this.hourly + ", daily=" + this.daily + ", monthly=" + this.monthly;
		}

	}

	/**
	 * A product's caps on billed units, and for International SMS caps per area code.
	 */
	public static class SpendCaps extends CapLimits {

		/**
		 * International SMS only: caps per area code (areaNum, 44 for the United
		 * Kingdom), on top of the product's, for each account.
		 */
		private final Map<String, CapLimits> perArea = new LinkedHashMap<>();

		/**
		 * Create caps of no window and no area.
		 */
		public SpendCaps() {
		}

		/**
		 * {@return the caps per International area code}
		 */
		public Map<String, CapLimits> getPerArea() {
			return this.perArea;
		}

		@Override
		String fields() {
			return super.fields() + ", perArea=" + this.perArea;
		}

	}

	/**
	 * Settings of a product with a template list, against which its sends are checked.
	 */
	public static class TemplatedProduct extends Product {

		/**
		 * How sends are checked against the account's templates before any request.
		 */
		private final TemplateCheck templateCheck = new TemplateCheck();

		/**
		 * Create the settings of a product without busy codes.
		 */
		public TemplatedProduct() {
		}

		TemplatedProduct(Integer... defaultBusyCodes) {
			super(defaultBusyCodes);
		}

		/**
		 * {@return how sends are checked against the account's templates}
		 */
		public TemplateCheck getTemplateCheck() {
			return this.templateCheck;
		}

		@Override
		String fields() {
			return super.fields() + ", templateCheck=" + this.templateCheck;
		}

	}

	/**
	 * Financial SMS settings; busy code 228807 by default.
	 */
	public static class Financial extends TemplatedProduct {

		/**
		 * How campaigns (FinancialSmsClient.campaign) run unless they say otherwise.
		 */
		private final Campaign campaign = new Campaign();

		/**
		 * Create the Financial SMS settings, with busy code 228807.
		 */
		public Financial() {
			super(228807);
		}

		/**
		 * {@return how campaigns run unless they say otherwise}
		 */
		public Campaign getCampaign() {
			return this.campaign;
		}

		@Override
		String fields() {
			return super.fields() + ", campaign=" + this.campaign;
		}

	}

	/**
	 * How Financial SMS campaigns run.
	 */
	public static class Campaign {

		/**
		 * Chunks of up to 10,000 numbers a campaign sends at a time.
		 */
		private int concurrency = FinancialCampaignSettings.DEFAULTS.concurrency();

		/**
		 * The most numbers a campaign reads; the rest are counted and not sent.
		 */
		private long maxNumbers = FinancialCampaignSettings.DEFAULTS.maxNumbers();

		/**
		 * Create the settings with the defaults: 4 chunks at a time, 1,000,000 numbers.
		 */
		public Campaign() {
		}

		/**
		 * {@return the chunks a campaign sends at a time}
		 */
		public int getConcurrency() {
			return this.concurrency;
		}

		/**
		 * Set the chunks a campaign sends at a time.
		 * @param concurrency 1 or more
		 */
		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		/**
		 * {@return the most numbers a campaign reads}
		 */
		public long getMaxNumbers() {
			return this.maxNumbers;
		}

		/**
		 * Set the most numbers a campaign reads.
		 * @param maxNumbers 1 or more
		 */
		public void setMaxNumbers(long maxNumbers) {
			this.maxNumbers = maxNumbers;
		}

		/**
		 * The settings campaigns use.
		 * @return the settings
		 */
		public FinancialCampaignSettings toSettings() {
			return new FinancialCampaignSettings(this.concurrency, this.maxNumbers);
		}

		@Override
		public String toString() {
			return "[concurrency=" + this.concurrency + ", maxNumbers=" + this.maxNumbers + "]";
		}

	}

	/**
	 * How a product's sends are checked against its templates: the template exists and is
	 * approved, the variables are exactly the template's, and each keeps the template's
	 * rules.
	 */
	public static class TemplateCheck {

		/**
		 * Whether sends are checked against the account's template list (fetched on first
		 * use).
		 */
		private boolean enabled = TemplateCheckSettings.DEFAULTS.enabled();

		/**
		 * How long a fetched template list is used before it is fetched again.
		 */
		private Duration refreshInterval = TemplateCheckSettings.DEFAULTS.refreshInterval();

		/**
		 * How soon after the last fetch a send with an unknown or unusable template
		 * fetches the list again, as it may have been approved since; 0 for every such
		 * send.
		 */
		private Duration recheckInterval = TemplateCheckSettings.DEFAULTS.recheckInterval();

		/**
		 * Whether a send is refused when the template list cannot be fetched, instead of
		 * going out unchecked with a WARN and a count in
		 * juhe.sms.client.templates.unchecked.
		 */
		private boolean requireList = TemplateCheckSettings.DEFAULTS.requireList();

		/**
		 * Create the settings with the defaults: checked, lists kept 10 minutes.
		 */
		public TemplateCheck() {
		}

		/**
		 * {@return whether sends are checked against the account's template list}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether sends are checked against the account's template list.
		 * @param enabled {@code false} to send without checks
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return how long a fetched template list is used before it is fetched again}
		 */
		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		/**
		 * Set how long a fetched template list is used before it is fetched again.
		 * @param refreshInterval a positive duration
		 */
		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

		/**
		 * {@return how soon after the last fetch an unknown or unusable template fetches
		 * the list again}
		 */
		public Duration getRecheckInterval() {
			return this.recheckInterval;
		}

		/**
		 * Set how soon after the last fetch an unknown or unusable template fetches the
		 * list again.
		 * @param recheckInterval a duration, zero for every such send
		 */
		public void setRecheckInterval(Duration recheckInterval) {
			this.recheckInterval = recheckInterval;
		}

		/**
		 * {@return whether a send is refused when the template list cannot be fetched}
		 */
		public boolean isRequireList() {
			return this.requireList;
		}

		/**
		 * Set whether a send is refused when the template list cannot be fetched.
		 * @param requireList {@code true} to refuse instead of sending unchecked
		 */
		public void setRequireList(boolean requireList) {
			this.requireList = requireList;
		}

		/**
		 * The settings the checks use.
		 * @return the settings
		 */
		public TemplateCheckSettings toSettings() {
			return new TemplateCheckSettings(this.enabled, this.refreshInterval, this.recheckInterval,
					this.requireList);
		}

		@Override
		public String toString() {
			return "[enabled=" + this.enabled + ", refreshInterval=" + this.refreshInterval + ", recheckInterval="
					+ this.recheckInterval + ", requireList=" + this.requireList + "]";
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

		/**
		 * Templates the application sends, by template id: their text (the SMS API lists
		 * no templates) and whether each is marketing.
		 */
		private final Map<Long, SmsApiTemplate> templates = new LinkedHashMap<>();

		/**
		 * Rules of the templates marked marketing.
		 */
		private final Marketing marketing = new Marketing();

		/**
		 * Create the SMS API settings, with busy codes 205403 and 205409.
		 */
		public SmsApi() {
			super(205403, 205409);
		}

		/**
		 * {@return how send carries template variables}
		 */
		public SmsApiVariablesFormat getVariablesFormat() {
			return this.variablesFormat;
		}

		/**
		 * Set how send carries template variables.
		 * @param variablesFormat the variables format
		 */
		public void setVariablesFormat(SmsApiVariablesFormat variablesFormat) {
			this.variablesFormat = variablesFormat;
		}

		/**
		 * {@return the templates the application sends, by template id}
		 */
		public Map<Long, SmsApiTemplate> getTemplates() {
			return this.templates;
		}

		/**
		 * {@return the rules of marketing templates}
		 */
		public Marketing getMarketing() {
			return this.marketing;
		}

		/**
		 * The rules of the templates marked marketing.
		 * @return the marketing template ids and their send hours
		 */
		public SmsApiRules toRules() {
			Set<Long> marketing = new LinkedHashSet<>();
			for (Map.Entry<Long, SmsApiTemplate> template : this.templates.entrySet()) {
				if (template.getValue().isMarketing()) {
					marketing.add(template.getKey());
				}
			}
			return new SmsApiRules(marketing,
					this.marketing.getSendWindow().toSendWindow(SmsApiRules.MARKETING_WINDOW));
		}

		/**
		 * The texts given for templates, which the sends with them are checked against.
		 * @return the texts by template id
		 */
		public Map<Long, String> templateTexts() {
			Map<Long, String> texts = new LinkedHashMap<>();
			this.templates.forEach((templateId, template) -> {
				if (template.getText() != null) {
					texts.put(templateId, template.getText());
				}
			});
			return texts;
		}

		@Override
		String fields() {
			return super.fields() + ", templates=" + this.templates + ", marketing=" + this.marketing;
		}

	}

	/**
	 * A template of the SMS API, which has no endpoint listing templates.
	 */
	public static class SmsApiTemplate {

		/**
		 * The template's text as approved, with its #placeholders#, e.g.
		 * "【聚合数据】您的验证码是#code#".
		 */
		private @Nullable String text;

		/**
		 * Whether the template is marketing (营销短信): sent only in
		 * juhe.sms.sms-api.marketing.send-window, and its text must end with 拒收请回复R.
		 */
		private boolean marketing = false;

		/**
		 * Create a template's settings, not marketing and without text.
		 */
		public SmsApiTemplate() {
		}

		/**
		 * {@return the template's text, or {@code null} when not given}
		 */
		public @Nullable String getText() {
			return this.text;
		}

		/**
		 * Set the template's text, with its #placeholders#.
		 * @param text the text, or {@code null}
		 */
		public void setText(@Nullable String text) {
			this.text = text;
		}

		/**
		 * {@return whether the template is marketing}
		 */
		public boolean isMarketing() {
			return this.marketing;
		}

		/**
		 * Set whether the template is marketing.
		 * @param marketing {@code true} for a marketing template
		 */
		public void setMarketing(boolean marketing) {
			this.marketing = marketing;
		}

		@Override
		public String toString() {
			return "[text=" + this.text + ", marketing=" + this.marketing + "]";
		}

	}

	/**
	 * The rules of the SMS API's marketing templates.
	 */
	public static class Marketing {

		/**
		 * Hours, in China's time zone, marketing templates are sent in (the document's
		 * 8:30 to 21:30).
		 */
		private final Window sendWindow = new Window(SmsApiRules.MARKETING_WINDOW);

		/**
		 * Create the marketing settings with the document's hours.
		 */
		public Marketing() {
		}

		/**
		 * {@return the hours marketing templates are sent in}
		 */
		public Window getSendWindow() {
			return this.sendWindow;
		}

		@Override
		public String toString() {
			return "[sendWindow=" + this.sendWindow + "]";
		}

	}

	/**
	 * Video SMS settings: busy code 236300, and the document's rules by default.
	 */
	public static class Video extends TemplatedProduct {

		/**
		 * Hours, in China's time zone, video SMS is sent in (the document's "发送时间：早九晚六").
		 */
		private final Window sendWindow = new Window(VideoRules.SEND_WINDOW);

		/**
		 * Whether video SMS is sent only to numbers that china-mobile-prefixes call China
		 * Mobile's, as the document says Juhe sends only to China Mobile numbers. Number
		 * portability (携号转网) makes prefixes imperfect: false leaves the check to Juhe.
		 */
		private boolean chinaMobileOnly = true;

		/**
		 * Leading digits of China Mobile's 11-digit mainland numbers; by default MIIT's
		 * allocation (134 but 1349, 135-139, 147, 148, 150-152, 157-159, 172, 178,
		 * 182-184, 187, 188, 195, 197, 198, 1703, 1705, 1706).
		 */
		private List<String> chinaMobilePrefixes = new ArrayList<>(VideoRules.CHINA_MOBILE_PREFIXES);

		/**
		 * Create the Video SMS settings: busy code 236300, at most 1 send a day and 3 a
		 * week to a number (the document's rate for games, health products and membership
		 * marketing; an application sending other categories can set
		 * juhe.sms.video.limits.rules empty), 09:00 to 18:00, China Mobile numbers only.
		 */
		public Video() {
			super(236300);
			getLimits().setRules(new ArrayList<>(
					List.of(new Limits.Rule(1, Duration.ofDays(1)), new Limits.Rule(3, Duration.ofDays(7)))));
		}

		/**
		 * {@return the hours video SMS is sent in}
		 */
		public Window getSendWindow() {
			return this.sendWindow;
		}

		/**
		 * {@return whether video SMS is sent only to China Mobile numbers by prefix}
		 */
		public boolean isChinaMobileOnly() {
			return this.chinaMobileOnly;
		}

		/**
		 * Set whether video SMS is sent only to China Mobile numbers by prefix.
		 * @param chinaMobileOnly {@code false} to send to every carrier's numbers
		 */
		public void setChinaMobileOnly(boolean chinaMobileOnly) {
			this.chinaMobileOnly = chinaMobileOnly;
		}

		/**
		 * {@return the leading digits of China Mobile's numbers}
		 */
		public List<String> getChinaMobilePrefixes() {
			return this.chinaMobilePrefixes;
		}

		/**
		 * Set the leading digits of China Mobile's numbers.
		 * @param chinaMobilePrefixes the prefixes
		 */
		public void setChinaMobilePrefixes(List<String> chinaMobilePrefixes) {
			this.chinaMobilePrefixes = chinaMobilePrefixes;
		}

		/**
		 * The rules video sends are checked against.
		 * @return the send hours and the carrier rule, as configured
		 */
		public VideoRules toRules() {
			return new VideoRules(this.sendWindow.toSendWindow(VideoRules.SEND_WINDOW),
					this.chinaMobileOnly ? this.chinaMobilePrefixes : null);
		}

		@Override
		String fields() {
			return super.fields() + ", sendWindow=" + this.sendWindow + ", chinaMobileOnly=" + this.chinaMobileOnly
					+ ", chinaMobilePrefixes=" + this.chinaMobilePrefixes;
		}

	}

	/**
	 * The hours of the day, in China's time zone (Asia/Shanghai), a kind of message is
	 * sent in: from start, included, to end, excluded.
	 */
	public static class Window {

		/**
		 * Whether sends outside the hours are refused.
		 */
		private boolean enabled = true;

		/**
		 * First time of day a send is allowed, in China's time zone.
		 */
		private LocalTime start;

		/**
		 * First time of day, after start, a send is refused again (excluded from the
		 * window), in China's time zone.
		 */
		private LocalTime end;

		/**
		 * Create a window of the video document's hours, 09:00 to 18:00.
		 */
		public Window() {
			this(VideoRules.SEND_WINDOW);
		}

		Window(SendWindow documented) {
			this.start = documented.start();
			this.end = documented.end();
		}

		/**
		 * {@return whether sends outside the hours are refused}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether sends outside the hours are refused.
		 * @param enabled {@code false} to send at any hour
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the first time of day a send is allowed}
		 */
		public LocalTime getStart() {
			return this.start;
		}

		/**
		 * Set the first time of day a send is allowed.
		 * @param start the time, in China's time zone
		 */
		public void setStart(LocalTime start) {
			this.start = start;
		}

		/**
		 * {@return the first time of day a send is refused again}
		 */
		public LocalTime getEnd() {
			return this.end;
		}

		/**
		 * Set the first time of day a send is refused again.
		 * @param end the time, in China's time zone, after the start
		 */
		public void setEnd(LocalTime end) {
			this.end = end;
		}

		// The documented window's property names the configured one.
		@Nullable SendWindow toSendWindow(SendWindow documented) {
			return this.enabled ? new SendWindow(this.start, this.end, documented.property()) : null;
		}

		@Override
		public String toString() {
			return "[enabled=" + this.enabled + ", start=" + this.start + ", end=" + this.end + "]";
		}

	}

	/**
	 * Asynchronous sends of every product: where they run and how many may be in flight.
	 */
	public static class Async {

		/**
		 * Most asynchronous sends of one product in flight (queued or running) at once,
		 * counted per product, all accounts together; one more is refused at once with
		 * JuheSmsInFlightLimitException. Overridden by
		 * juhe.sms.<product>.async.max-in-flight.
		 */
		private int maxInFlight = JuheProductApiFactory.DEFAULT_MAX_IN_FLIGHT;

		/**
		 * Create the settings of asynchronous sends.
		 */
		public Async() {
		}

		/**
		 * {@return the most asynchronous sends of one product in flight at once}
		 */
		public int getMaxInFlight() {
			return this.maxInFlight;
		}

		/**
		 * Set the most asynchronous sends of one product in flight at once.
		 * @param maxInFlight the maximum, at least 1
		 */
		public void setMaxInFlight(int maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

	}

	/**
	 * A product's own settings of asynchronous sends.
	 */
	public static class ProductAsync {

		/**
		 * Most asynchronous sends of the product in flight (queued or running) at once;
		 * unset for juhe.sms.async.max-in-flight.
		 */
		private @Nullable Integer maxInFlight;

		/**
		 * Create a product's settings of asynchronous sends, with none of its own.
		 */
		public ProductAsync() {
		}

		/**
		 * {@return the most asynchronous sends of the product in flight at once, or
		 * {@code null} for juhe.sms.async.max-in-flight}
		 */
		public @Nullable Integer getMaxInFlight() {
			return this.maxInFlight;
		}

		/**
		 * Set the most asynchronous sends of the product in flight at once.
		 * @param maxInFlight the maximum, at least 1, or {@code null} for
		 * juhe.sms.async.max-in-flight
		 */
		public void setMaxInFlight(@Nullable Integer maxInFlight) {
			this.maxInFlight = maxInFlight;
		}

	}

	/**
	 * A product's own per-number send limits, kept besides juhe.sms.limits.rules.
	 */
	public static class ProductLimits {

		/**
		 * Rules the product's sends to a number stay within besides
		 * juhe.sms.limits.rules, each at most count sends in any window; a send must pass
		 * both lists. Video SMS defaults to 1 a day and 3 a week, the rate Juhe applies
		 * to games, health products and membership marketing (an application sending
		 * other categories can set it empty); the other products to none.
		 */
		private List<Limits.Rule> rules = new ArrayList<>();

		/**
		 * Create a product's limits, without rules of its own.
		 */
		public ProductLimits() {
		}

		/**
		 * {@return the product's own rules}
		 */
		public List<Limits.Rule> getRules() {
			return this.rules;
		}

		/**
		 * Set the product's own rules.
		 * @param rules the rules; empty for none besides juhe.sms.limits.rules
		 */
		public void setRules(List<Limits.Rule> rules) {
			this.rules = rules;
		}

	}

	/**
	 * International SMS settings; busy codes 235700 and 235712 by default.
	 */
	public static class International extends TemplatedProduct {

		/**
		 * Area codes (areaNum, as Juhe's areaCode list writes them: 1 for the USA and
		 * Canada, 1649 for Turks and Caicos) that sends may go to; empty allows every
		 * area. Allowing only the areas the application serves bounds what SMS pumping to
		 * costly areas can cost.
		 */
		private Set<String> allowedAreaCodes = new LinkedHashSet<>();

		/**
		 * Area codes that sends never go to, even when allowed.
		 */
		private Set<String> deniedAreaCodes = new LinkedHashSet<>();

		/**
		 * Create the International SMS settings, with busy codes 235700 and 235712.
		 */
		public International() {
			super(235700, 235712);
		}

		/**
		 * {@return the area codes sends may go to; empty allows every area}
		 */
		public Set<String> getAllowedAreaCodes() {
			return this.allowedAreaCodes;
		}

		/**
		 * Set the area codes sends may go to.
		 * @param allowedAreaCodes the area codes; empty allows every area
		 */
		public void setAllowedAreaCodes(Set<String> allowedAreaCodes) {
			this.allowedAreaCodes = allowedAreaCodes;
		}

		/**
		 * {@return the area codes sends never go to}
		 */
		public Set<String> getDeniedAreaCodes() {
			return this.deniedAreaCodes;
		}

		/**
		 * Set the area codes sends never go to.
		 * @param deniedAreaCodes the area codes
		 */
		public void setDeniedAreaCodes(Set<String> deniedAreaCodes) {
			this.deniedAreaCodes = deniedAreaCodes;
		}

		@Override
		String fields() {
			return super.fields() + ", allowedAreaCodes=" + this.allowedAreaCodes + ", deniedAreaCodes="
					+ this.deniedAreaCodes;
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
		 * Create the Redis store settings with their defaults.
		 */
		public Redis() {
		}

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

		/**
		 * {@return how long one of the starter's Redis commands may take, connecting
		 * included}
		 */
		public Duration getTimeout() {
			return this.timeout;
		}

		/**
		 * Set how long one of the starter's Redis commands may take, connecting included.
		 * @param timeout the command timeout
		 */
		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		/**
		 * {@return the prefix of every key the starter writes to Redis}
		 */
		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		/**
		 * Set the prefix of every key the starter writes to Redis.
		 * @param keyPrefix the key prefix
		 */
		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		/**
		 * {@return whether sends go ahead without limits and de-duplication when Redis
		 * cannot be reached}
		 */
		public boolean isFailOpen() {
			return this.failOpen;
		}

		/**
		 * Set whether sends go ahead without limits and de-duplication when Redis cannot
		 * be reached.
		 * @param failOpen {@code true} to send when Redis cannot be reached
		 */
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
		 * Create the per-number limit settings with their defaults.
		 */
		public Limits() {
		}

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
		 * Whether a number's limits are shared by all accounts; by default each account
		 * limits its own sends, as the carriers limit a number per signature.
		 */
		private boolean sharedAcrossAccounts = false;

		/**
		 * Most numbers the in-memory store tracks at once (the least recently sent to are
		 * dropped first).
		 */
		private long maxNumbers = 100_000;

		/**
		 * {@return whether a number's limits are shared by all accounts}
		 */
		public boolean isSharedAcrossAccounts() {
			return this.sharedAcrossAccounts;
		}

		/**
		 * Set whether a number's limits are shared by all accounts.
		 * @param sharedAcrossAccounts {@code true} to limit all accounts' sends together
		 */
		public void setSharedAcrossAccounts(boolean sharedAcrossAccounts) {
			this.sharedAcrossAccounts = sharedAcrossAccounts;
		}

		/**
		 * {@return whether every send passes the per-number limits}
		 */
		public boolean isEnabled() {
			return this.enabled;
		}

		/**
		 * Set whether every send passes the per-number limits.
		 * @param enabled {@code false} to turn the limits off
		 */
		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		/**
		 * {@return the rules every number must stay within}
		 */
		public List<Rule> getRules() {
			return this.rules;
		}

		/**
		 * Set the rules every number must stay within.
		 * @param rules the rules
		 */
		public void setRules(List<Rule> rules) {
			this.rules = rules;
		}

		/**
		 * {@return whether each template of a number is limited on its own}
		 */
		public boolean isPerTemplate() {
			return this.perTemplate;
		}

		/**
		 * Set whether each template of a number is limited on its own.
		 * @param perTemplate {@code true} to limit each template on its own
		 */
		public void setPerTemplate(boolean perTemplate) {
			this.perTemplate = perTemplate;
		}

		/**
		 * {@return the most numbers the in-memory store tracks at once}
		 */
		public long getMaxNumbers() {
			return this.maxNumbers;
		}

		/**
		 * Set the most numbers the in-memory store tracks at once.
		 * @param maxNumbers the most numbers
		 */
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

			/**
			 * Create a rule of one send per minute.
			 */
			public Rule() {
				this(1, Duration.ofMinutes(1));
			}

			Rule(int count, Duration window) {
				this.count = count;
				this.window = window;
			}

			/**
			 * {@return the most sends in the window}
			 */
			public int getCount() {
				return this.count;
			}

			/**
			 * Set the most sends in the window.
			 * @param count the most sends
			 */
			public void setCount(int count) {
				this.count = count;
			}

			/**
			 * {@return the length of the sliding window}
			 */
			public Duration getWindow() {
				return this.window;
			}

			/**
			 * Set the length of the sliding window.
			 * @param window the window
			 */
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
		 * Create the de-duplication settings with their defaults.
		 */
		public Idempotency() {
		}

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

		/**
		 * {@return how long a key is remembered}
		 */
		public Duration getWindow() {
			return this.window;
		}

		/**
		 * Set how long a key is remembered.
		 * @param window the de-duplication window
		 */
		public void setWindow(Duration window) {
			this.window = window;
		}

		/**
		 * {@return how long a repeat waits for a first send with the same key that is
		 * still in flight}
		 */
		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		/**
		 * Set how long a repeat waits for a first send with the same key that is still in
		 * flight.
		 * @param waitTimeout the wait timeout
		 */
		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

		/**
		 * {@return the most keys the in-memory store remembers at once}
		 */
		public long getMaxKeys() {
			return this.maxKeys;
		}

		/**
		 * Set the most keys the in-memory store remembers at once.
		 * @param maxKeys the most keys
		 */
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
		 * Create the verification-code settings with their defaults.
		 */
		public Codes() {
		}

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

		/**
		 * {@return the product that sends the codes}
		 */
		public CodeProduct getProduct() {
			return this.product;
		}

		/**
		 * Set the product that sends the codes.
		 * @param product the product
		 */
		public void setProduct(CodeProduct product) {
			this.product = product;
		}

		/**
		 * {@return the approved template the codes are sent with, or {@code null} when
		 * unset}
		 */
		public @Nullable Long getTemplateId() {
			return this.templateId;
		}

		/**
		 * Set the approved template the codes are sent with.
		 * @param templateId the template id, or {@code null} for none
		 */
		public void setTemplateId(@Nullable Long templateId) {
			this.templateId = templateId;
		}

		/**
		 * {@return the digits of a code, 4-8}
		 */
		public int getLength() {
			return this.length;
		}

		/**
		 * Set the digits of a code, 4-8.
		 * @param length the digits
		 */
		public void setLength(int length) {
			this.length = length;
		}

		/**
		 * {@return how long a code is valid}
		 */
		public Duration getTtl() {
			return this.ttl;
		}

		/**
		 * Set how long a code is valid.
		 * @param ttl the time to live
		 */
		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		/**
		 * {@return how long after a send no new code is sent to the same purpose and
		 * number}
		 */
		public Duration getResendCooldown() {
			return this.resendCooldown;
		}

		/**
		 * Set how long after a send no new code is sent to the same purpose and number.
		 * @param resendCooldown the resend cool-down
		 */
		public void setResendCooldown(Duration resendCooldown) {
			this.resendCooldown = resendCooldown;
		}

		/**
		 * {@return the verifications allowed per code}
		 */
		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		/**
		 * Set the verifications allowed per code.
		 * @param maxAttempts the verifications allowed
		 */
		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		/**
		 * {@return the template variable that receives the code}
		 */
		public String getCodeVariable() {
			return this.codeVariable;
		}

		/**
		 * Set the template variable that receives the code.
		 * @param codeVariable the code variable
		 */
		public void setCodeVariable(String codeVariable) {
			this.codeVariable = codeVariable;
		}

		/**
		 * {@return the template variable that receives the validity in minutes, or
		 * {@code null} for none}
		 */
		public @Nullable String getMinutesVariable() {
			return this.minutesVariable;
		}

		/**
		 * Set the template variable that receives the validity in minutes.
		 * @param minutesVariable the minutes variable, or {@code null} for none
		 */
		public void setMinutesVariable(@Nullable String minutesVariable) {
			this.minutesVariable = minutesVariable;
		}

		/**
		 * {@return the further fixed variables of the template}
		 */
		public Map<String, String> getVariables() {
			return this.variables;
		}

		/**
		 * Set the further fixed variables of the template.
		 * @param variables the fixed variables
		 */
		public void setVariables(Map<String, String> variables) {
			this.variables = variables;
		}

		/**
		 * {@return the most purposes and numbers the in-memory store keeps at once}
		 */
		public long getMaxNumbers() {
			return this.maxNumbers;
		}

		/**
		 * Set the most purposes and numbers the in-memory store keeps at once.
		 * @param maxNumbers the most purposes and numbers
		 */
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

	/**
	 * One named account: its keys and the settings of its subscription.
	 */
	public static class Account {

		/**
		 * Create an account's settings.
		 */
		public Account() {
		}

		/**
		 * The account's key for every product that has no key of its own.
		 */
		private @Nullable String key;

		/**
		 * The account's International SMS subscription.
		 */
		private final AccountProduct international = new AccountProduct();

		/**
		 * The account's Financial SMS subscription.
		 */
		private final AccountProduct financial = new AccountProduct();

		/**
		 * The account's Verification-code SMS subscription.
		 */
		private final AccountProduct verificationCode = new AccountProduct();

		/**
		 * The account's SMS API subscription.
		 */
		private final AccountProduct smsApi = new AccountProduct();

		/**
		 * The account's Video SMS subscription.
		 */
		private final AccountProduct video = new AccountProduct();

		/**
		 * The account's verification codes.
		 */
		private final AccountCodes codes = new AccountCodes();

		/**
		 * {@return the account's key for products without their own, or {@code null}}
		 */
		public @Nullable String getKey() {
			return this.key;
		}

		/**
		 * Set the account's key for products without their own.
		 * @param key the key
		 */
		public void setKey(@Nullable String key) {
			this.key = key;
		}

		/**
		 * {@return the account's International SMS subscription}
		 */
		public AccountProduct getInternational() {
			return this.international;
		}

		/**
		 * {@return the account's Financial SMS subscription}
		 */
		public AccountProduct getFinancial() {
			return this.financial;
		}

		/**
		 * {@return the account's Verification-code SMS subscription}
		 */
		public AccountProduct getVerificationCode() {
			return this.verificationCode;
		}

		/**
		 * {@return the account's SMS API subscription}
		 */
		public AccountProduct getSmsApi() {
			return this.smsApi;
		}

		/**
		 * {@return the account's Video SMS subscription}
		 */
		public AccountProduct getVideo() {
			return this.video;
		}

		/**
		 * {@return the account's verification codes}
		 */
		public AccountCodes getCodes() {
			return this.codes;
		}

		/**
		 * The settings of each product of the account.
		 * @return the settings by product
		 */
		public Map<JuheProduct, AccountProduct> products() {
			Map<JuheProduct, AccountProduct> products = new EnumMap<>(JuheProduct.class);
			products.put(JuheProduct.INTERNATIONAL, this.international);
			products.put(JuheProduct.FINANCIAL, this.financial);
			products.put(JuheProduct.VERIFICATION_CODE, this.verificationCode);
			products.put(JuheProduct.SMS_API, this.smsApi);
			products.put(JuheProduct.VIDEO, this.video);
			return products;
		}

		/**
		 * The account these settings describe.
		 * @param name the account's name
		 * @return the account
		 */
		public JuheSmsAccount toAccount(String name) {
			JuheSmsAccount.Builder account = JuheSmsAccount.builder(name).key(this.key);
			for (Map.Entry<JuheProduct, AccountProduct> product : products().entrySet()) {
				account.key(product.getKey(), product.getValue().getKey())
					.busyCodes(product.getKey(), product.getValue().getBusyCodes());
			}
			return account.codesTemplateId(this.codes.getTemplateId()).build();
		}

		/**
		 * The account's key of one product: the product's own, else the account's.
		 * @param product the product
		 * @return the key, or {@code null} if the account has none for the product
		 */
		public @Nullable String keyOf(JuheProduct product) {
			String own = products().get(product).getKey();
			return StringUtils.hasText(own) ? own : (StringUtils.hasText(this.key) ? this.key : null);
		}

		/**
		 * Whether the account has any key.
		 * @return {@code true} if it has one
		 */
		public boolean hasAnyKey() {
			if (StringUtils.hasText(this.key)) {
				return true;
			}
			for (AccountProduct product : products().values()) {
				if (StringUtils.hasText(product.getKey())) {
					return true;
				}
			}
			return false;
		}

		@Override
		public String toString() {
			return "[key=" + mask(this.key) + ", international=" + this.international + ", financial=" + this.financial
					+ ", verificationCode=" + this.verificationCode + ", smsApi=" + this.smsApi + ", video="
					+ this.video + "]";
		}

	}

	/**
	 * One product of a named account.
	 */
	public static class AccountProduct {

		/**
		 * Create the settings of an account's product.
		 */
		public AccountProduct() {
		}

		/**
		 * The product's key in this account; falls back to the account's key.
		 */
		private @Nullable String key;

		/**
		 * Error codes that mean "busy, not accepted, retry later" for this account; unset
		 * for the product's juhe.sms.<product>.busy-codes.
		 */
		private @Nullable List<Integer> busyCodes;

		/**
		 * This account's caps on the product's billed units, replacing the product's
		 * juhe.sms.<product>.spend-caps window by window; unset windows keep the
		 * product's.
		 */
		private final CapLimits spendCaps = new CapLimits();

		/**
		 * {@return this account's caps on the product's billed units}
		 */
		public CapLimits getSpendCaps() {
			return this.spendCaps;
		}

		/**
		 * {@return the product's key in this account, or {@code null}}
		 */
		public @Nullable String getKey() {
			return this.key;
		}

		/**
		 * Set the product's key in this account.
		 * @param key the key
		 */
		public void setKey(@Nullable String key) {
			this.key = key;
		}

		/**
		 * {@return the account's busy codes of the product, or {@code null} for the
		 * product's}
		 */
		public @Nullable List<Integer> getBusyCodes() {
			return this.busyCodes;
		}

		/**
		 * Set the account's busy codes of the product.
		 * @param busyCodes the codes, or {@code null} for the product's
		 */
		public void setBusyCodes(@Nullable List<Integer> busyCodes) {
			this.busyCodes = busyCodes;
		}

		@Override
		public String toString() {
			return "[key=" + mask(this.key) + ", busyCodes=" + this.busyCodes + ", spendCaps=" + this.spendCaps + "]";
		}

	}

	/**
	 * The verification codes of a named account.
	 */
	public static class AccountCodes {

		/**
		 * Create the settings of an account's codes.
		 */
		public AccountCodes() {
		}

		/**
		 * The account's approved template the codes are sent with.
		 */
		private @Nullable Long templateId;

		/**
		 * {@return the account's verification-code template, or {@code null}}
		 */
		public @Nullable Long getTemplateId() {
			return this.templateId;
		}

		/**
		 * Set the account's verification-code template.
		 * @param templateId the template id
		 */
		public void setTemplateId(@Nullable Long templateId) {
			this.templateId = templateId;
		}

	}

	/**
	 * Caching of the accounts a JuheSmsAccountRepository bean supplies.
	 */
	public static class AccountRepository {

		/**
		 * Create the caching settings with their defaults.
		 */
		public AccountRepository() {
		}

		/**
		 * How long an account the repository supplied is used before it is looked up
		 * again; 0 looks it up on every call.
		 */
		private Duration cacheTtl = Duration.ofMinutes(5);

		/**
		 * Most accounts kept from the repository at once.
		 */
		private long maxCached = 10_000;

		/**
		 * {@return how long a supplied account is used before it is looked up again}
		 */
		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		/**
		 * Set how long a supplied account is used before it is looked up again.
		 * @param cacheTtl the time, 0 to look up on every call
		 */
		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		/**
		 * {@return the most accounts kept from the repository at once}
		 */
		public long getMaxCached() {
			return this.maxCached;
		}

		/**
		 * Set the most accounts kept from the repository at once.
		 * @param maxCached the most accounts
		 */
		public void setMaxCached(long maxCached) {
			this.maxCached = maxCached;
		}

	}

}

package io.github.juhesms.autoconfigure;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.smsapi.SmsApiRules;
import io.github.juhesms.store.StoreDigest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * The rules every {@code juhe.sms.*} property is checked against when it is bound, so a
 * mistake fails start-up naming the property, the value and the rule instead of turning
 * every send into a failure that looks like Juhe's.
 */
final class JuheSmsPropertiesRules {

	// Juhe's answers are small JSON documents; the bound keeps a hostile answer from
	// filling the heap and fits the int the transport reads into.
	private static final long MAX_RESPONSE_SIZE_LIMIT = 64L * 1024 * 1024;

	private final Errors errors;

	private JuheSmsPropertiesRules(Errors errors) {
		this.errors = errors;
	}

	static void check(JuheSmsProperties properties, Errors errors) {
		JuheSmsPropertiesRules rules = new JuheSmsPropertiesRules(errors);
		rules.baseUrl(properties.getBaseUrl());
		rules.positive("connectTimeout", properties.getConnectTimeout());
		rules.positive("readTimeout", properties.getReadTimeout());
		long responseSize = properties.getMaxResponseSize().toBytes();
		rules.rule("maxResponseSize", responseSize >= 1 && responseSize <= MAX_RESPONSE_SIZE_LIMIT,
				"must be between 1B and 64MB");
		rules.atLeast("maxConnections", properties.getMaxConnections(), 1);
		Duration attemptTimeout = properties.getAttemptTimeout();
		rules.rule("attemptTimeout",
				attemptTimeout == null || attemptTimeout.compareTo(properties.getConnectTimeout()) > 0,
				"must be longer than juhe.sms.connect-timeout ("
						+ DurationStyle.SIMPLE.print(properties.getConnectTimeout()) + ")");
		rules.positive("connectionIdleTimeout", properties.getConnectionIdleTimeout());
		JuheSmsProperties.Retry retry = properties.getRetry();
		rules.atLeast("retry.maxAttempts", retry.getMaxAttempts(), 1);
		rules.notNegative("retry.initialInterval", retry.getInitialInterval());
		rules.rule("retry.multiplier", retry.getMultiplier() >= 1, "must be at least 1");
		rules.notNegative("retry.maxInterval", retry.getMaxInterval());
		rules.notNegative("retry.jitter", retry.getJitter());
		rules.atLeast("retry.budget.capacity", retry.getBudget().getCapacity(), 1);
		rules.positive("retry.budget.refillInterval", retry.getBudget().getRefillInterval());
		rules.notNegative("failFast.cooldown", properties.getFailFast().getCooldown());
		rules.rule("redis.keyPrefix", StringUtils.hasText(properties.getRedis().getKeyPrefix()),
				"must not be blank: it keeps the starter's keys apart from the application's");
		rules.positive("redis.timeout", properties.getRedis().getTimeout());
		rules.storeSecret(properties);
		rules.limits(properties.getLimits());
		JuheSmsProperties.Idempotency idempotency = properties.getIdempotency();
		rules.positive("idempotency.window", idempotency.getWindow());
		rules.notNegative("idempotency.waitTimeout", idempotency.getWaitTimeout());
		rules.atLeast("idempotency.maxKeys", idempotency.getMaxKeys(), 1);
		rules.codes(properties.getCodes());
		rules.areaCodes(properties.getInternational());
		rules.atLeast("financial.campaign.concurrency", properties.getFinancial().getCampaign().getConcurrency(), 1);
		rules.atLeast("financial.campaign.maxNumbers", properties.getFinancial().getCampaign().getMaxNumbers(), 1);
		rules.templateCheck("international", properties.getInternational());
		rules.templateCheck("financial", properties.getFinancial());
		rules.templateCheck("verificationCode", properties.getVerificationCode());
		rules.templateCheck("video", properties.getVideo());
		rules.productLimits(properties);
		rules.async(properties);
		rules.window("video.sendWindow", properties.getVideo().getSendWindow());
		rules.window("smsApi.marketing.sendWindow", properties.getSmsApi().getMarketing().getSendWindow());
		rules.chinaMobilePrefixes(properties.getVideo());
		rules.smsApiTemplates(properties.getSmsApi().getTemplates());
		rules.spendCaps(properties);
		rules.accounts(properties.getAccounts());
		rules.notNegative("accountRepository.cacheTtl", properties.getAccountRepository().getCacheTtl());
		rules.atLeast("accountRepository.maxCached", properties.getAccountRepository().getMaxCached(), 1);
	}

	private void templateCheck(String product, JuheSmsProperties.TemplatedProduct settings) {
		positive(product + ".templateCheck.refreshInterval", settings.getTemplateCheck().getRefreshInterval());
		notNegative(product + ".templateCheck.recheckInterval", settings.getTemplateCheck().getRecheckInterval());
	}

	// A name is a store key's part and a metric tag; the default account has no name.
	private void accounts(Map<String, JuheSmsProperties.Account> accounts) {
		Map<String, String> seen = new HashMap<>();
		for (Map.Entry<String, JuheSmsProperties.Account> entry : accounts.entrySet()) {
			String name = entry.getKey();
			JuheSmsProperties.Account account = entry.getValue();
			if (!JuheSmsAccount.isValidName(name) || JuheSmsAccount.DEFAULT.equalsIgnoreCase(name)) {
				rejectNamed("accounts", name, "must be named " + JuheSmsAccount.NAME_RULE + ", and not '"
						+ JuheSmsAccount.DEFAULT + "', which is the account of juhe.sms.key");
				continue;
			}
			String other = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
			if (other != null) {
				rejectNamed("accounts", name,
						"names the same account as '" + other
								+ "': names differing only in case are one account given twice (environment variables "
								+ "bind in lower case)");
			}
			if (!account.hasAnyKey()) {
				rejectNamed("accounts." + name + ".key", null, "must be set, or a product's key of the account "
						+ "(juhe.sms.accounts." + name + ".<product>.key)");
			}
			for (Map.Entry<String, JuheSmsProperties.AccountProduct> product : accountProducts(account).entrySet()) {
				capLimits("accounts." + name + "." + product.getKey() + ".spend-caps",
						product.getValue().getSpendCaps(), false);
			}
			Long templateId = account.getCodes().getTemplateId();
			if (templateId != null && templateId < 1) {
				rejectNamed("accounts." + name + ".codes.template-id", templateId.toString(),
						"must be a template id of Juhe's, at least 1");
			}
		}
	}

	private void baseUrl(@Nullable String baseUrl) {
		String rule = "must be an absolute http or https URL with a host and no query, such as https://v.juhe.cn";
		if (baseUrl == null) {
			reject("baseUrl", rule);
			return;
		}
		try {
			URI uri = new URI(baseUrl);
			if (uri.getRawUserInfo() != null) {
				// Rejected as a whole: the report would print the credentials.
				this.errors.reject("juhe.sms.invalid",
						"juhe.sms.base-url must not hold credentials (user:password@): Juhe reads the key from the form");
				return;
			}
			String scheme = uri.getScheme();
			rule("baseUrl", ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
					&& StringUtils.hasText(uri.getHost()) && uri.getRawQuery() == null && uri.getRawFragment() == null,
					rule);
		}
		catch (URISyntaxException ex) {
			reject("baseUrl", rule);
		}
	}

	// Rejected as a whole, not as a field: the failure report would print a field's
	// value, and this one is a secret.
	private void storeSecret(JuheSmsProperties properties) {
		String secret = properties.getStoreSecret();
		if (secret == null && properties.getStore() == JuheSmsProperties.StoreType.REDIS) {
			rejectSecret("is required with juhe.sms.store=redis: the keyed digests that stand for phone "
					+ "numbers in Redis need a secret shared by every instance (at least "
					+ StoreDigest.MIN_SECRET_LENGTH + " characters)");
		}
		else if (secret != null && secret.length() < StoreDigest.MIN_SECRET_LENGTH) {
			rejectSecret("must have at least " + StoreDigest.MIN_SECRET_LENGTH + " characters (had " + secret.length()
					+ ")");
		}
	}

	private void limits(JuheSmsProperties.Limits limits) {
		List<JuheSmsProperties.Limits.Rule> rules = limits.getRules();
		for (int i = 0; i < rules.size(); i++) {
			JuheSmsProperties.Limits.Rule rule = rules.get(i);
			atLeast("limits.rules[" + i + "].count", rule.getCount(), 1);
			positive("limits.rules[" + i + "].window", rule.getWindow());
		}
		atLeast("limits.maxNumbers", limits.getMaxNumbers(), 1);
	}

	private void productLimits(JuheSmsProperties properties) {
		for (Map.Entry<JuheProduct, JuheSmsProperties.Product> product : properties.products().entrySet()) {
			List<JuheSmsProperties.Limits.Rule> rules = product.getValue().getLimits().getRules();
			String prefix = camel(product.getKey().id()) + ".limits.rules[";
			for (int i = 0; i < rules.size(); i++) {
				atLeast(prefix + i + "].count", rules.get(i).getCount(), 1);
				positive(prefix + i + "].window", rules.get(i).getWindow());
			}
		}
	}

	private void async(JuheSmsProperties properties) {
		atLeast("async.maxInFlight", properties.getAsync().getMaxInFlight(), 1);
		for (Map.Entry<JuheProduct, JuheSmsProperties.Product> product : properties.products().entrySet()) {
			Integer maxInFlight = product.getValue().getAsync().getMaxInFlight();
			if (maxInFlight != null) {
				atLeast(camel(product.getKey().id()) + ".async.maxInFlight", maxInFlight, 1);
			}
		}
	}

	private void window(String field, JuheSmsProperties.Window window) {
		if (window.getStart() == null) {
			reject(field + ".start", "must be set");
		}
		else if (window.getEnd() == null || !window.getEnd().isAfter(window.getStart())) {
			rule(field + ".end", false, "must be after juhe.sms." + dashed(field) + ".start (" + window.getStart()
					+ "): the window runs from start to end within one day, China time");
		}
	}

	private void chinaMobilePrefixes(JuheSmsProperties.Video video) {
		List<String> prefixes = video.getChinaMobilePrefixes();
		rule("video.chinaMobilePrefixes", prefixes.stream().allMatch(JuheSmsPropertiesRules::isMobilePrefix),
				"must hold the leading digits of 11-digit mainland numbers, 2 to 11 digits starting with 1");
		rule("video.chinaMobilePrefixes", !video.isChinaMobileOnly() || !prefixes.isEmpty(),
				"must not be empty while juhe.sms.video.china-mobile-only is true: every video send would be refused");
	}

	private static boolean isMobilePrefix(@Nullable String prefix) {
		return prefix != null && prefix.matches("1[0-9]{1,10}");
	}

	// The ending is checked here, where the text is configured, rather than on each send.
	private void smsApiTemplates(Map<Long, JuheSmsProperties.SmsApiTemplate> templates) {
		for (Map.Entry<Long, JuheSmsProperties.SmsApiTemplate> entry : templates.entrySet()) {
			String property = "sms-api.templates." + entry.getKey();
			if (entry.getKey() < 1) {
				rejectNamed(property, entry.getKey().toString(),
						"must be keyed by a template id of Juhe's, at least 1");
			}
			String text = entry.getValue().getText();
			if (entry.getValue().isMarketing() && text != null && !text.endsWith(SmsApiRules.MARKETING_ENDING)) {
				rejectNamed(property + ".text", text,
						"must end with " + SmsApiRules.MARKETING_ENDING + " while juhe.sms." + property
								+ ".marketing is true: the SMS API document asks marketing content to end so "
								+ "(营销内容最后加\"" + SmsApiRules.MARKETING_ENDING + "\")");
			}
		}
	}

	private static String camel(String id) {
		StringBuilder camel = new StringBuilder(id.length());
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c == '-' && i + 1 < id.length()) {
				camel.append(Character.toUpperCase(id.charAt(++i)));
			}
			else {
				camel.append(c);
			}
		}
		return camel.toString();
	}

	private void codes(JuheSmsProperties.Codes codes) {
		rule("codes.length", codes.getLength() >= 4 && codes.getLength() <= 8, "must be 4 to 8 digits");
		rule("codes.templateId", codes.getTemplateId() == null || codes.getTemplateId() >= 1,
				"must be a template id of Juhe's, at least 1");
		positive("codes.ttl", codes.getTtl());
		notNegative("codes.resendCooldown", codes.getResendCooldown());
		atLeast("codes.maxAttempts", codes.getMaxAttempts(), 1);
		rule("codes.codeVariable", StringUtils.hasText(codes.getCodeVariable()), "must not be blank");
		atLeast("codes.maxNumbers", codes.getMaxNumbers(), 1);
	}

	private void areaCodes(JuheSmsProperties.International international) {
		String digits = "must hold area codes of 1 to 4 digits, as Juhe's areaCode list writes them";
		rule("international.allowedAreaCodes",
				international.getAllowedAreaCodes().stream().allMatch(JuheSmsPropertiesRules::isAreaCode), digits);
		rule("international.deniedAreaCodes",
				international.getDeniedAreaCodes().stream().allMatch(JuheSmsPropertiesRules::isAreaCode), digits);
		rule("international.deniedAreaCodes",
				international.getDeniedAreaCodes().stream().noneMatch(international.getAllowedAreaCodes()::contains),
				"must not hold an area code that juhe.sms.international.allowed-area-codes allows");
	}

	// Caps of each product and area: at least 1 unit, and no window's cap above a longer
	// one's, which it could never reach.
	private void spendCaps(JuheSmsProperties properties) {
		Map<String, JuheSmsProperties.Product> products = new LinkedHashMap<>();
		products.put("international", properties.getInternational());
		products.put("financial", properties.getFinancial());
		products.put("verificationCode", properties.getVerificationCode());
		products.put("smsApi", properties.getSmsApi());
		products.put("video", properties.getVideo());
		for (Map.Entry<String, JuheSmsProperties.Product> product : products.entrySet()) {
			String prefix = product.getKey() + ".spendCaps";
			JuheSmsProperties.SpendCaps caps = product.getValue().getSpendCaps();
			capLimits(prefix, caps, true);
			for (Map.Entry<String, JuheSmsProperties.CapLimits> area : caps.getPerArea().entrySet()) {
				String property = dashed(prefix) + ".per-area." + area.getKey();
				if (!"international".equals(product.getKey())) {
					rejectNamed(dashed(prefix) + ".per-area", area.getKey(), "is International SMS's only "
							+ "(juhe.sms.international.spend-caps.per-area.<area code>)");
				}
				else if (!isAreaCode(area.getKey())) {
					rejectNamed(dashed(prefix) + ".per-area", area.getKey(),
							"must be keyed by area codes of 1 to 4 digits, as Juhe's areaCode list writes them");
				}
				else {
					capLimits(property, area.getValue(), false);
				}
			}
		}
	}

	private void capLimits(String prefix, JuheSmsProperties.CapLimits caps, boolean asField) {
		String[] windows = { "hourly", "daily", "monthly" };
		Long[] limits = { caps.getHourly(), caps.getDaily(), caps.getMonthly() };
		for (int i = 0; i < limits.length; i++) {
			Long limit = limits[i];
			if (limit != null && limit < 1) {
				capRule(prefix + "." + windows[i], limit, asField, "must be at least 1 billed unit (unset for no cap)");
			}
		}
		for (int i = 0; i < limits.length; i++) {
			for (int longer = i + 1; longer < limits.length; longer++) {
				if (limits[i] != null && limits[longer] != null && limits[longer] >= 1 && limits[i] > limits[longer]) {
					capRule(prefix + "." + windows[i], limits[i], asField,
							"must not exceed juhe.sms." + (asField ? dashed(prefix) : prefix) + "." + windows[longer]
									+ " (" + limits[longer]
									+ "): a cap above a longer window's could never be reached");
				}
			}
		}
	}

	private void capRule(String property, long value, boolean asField, String rule) {
		if (asField) {
			reject(property, rule);
		}
		else {
			rejectNamed(property, Long.toString(value), rule);
		}
	}

	private static Map<String, JuheSmsProperties.AccountProduct> accountProducts(JuheSmsProperties.Account account) {
		Map<String, JuheSmsProperties.AccountProduct> products = new LinkedHashMap<>();
		products.put("international", account.getInternational());
		products.put("financial", account.getFinancial());
		products.put("verification-code", account.getVerificationCode());
		products.put("sms-api", account.getSmsApi());
		products.put("video", account.getVideo());
		return products;
	}

	private static boolean isAreaCode(@Nullable String areaCode) {
		return areaCode != null && areaCode.matches("[0-9]{1,4}");
	}

	private void positive(String field, @Nullable Duration value) {
		rule(field, value != null && !value.isNegative() && !value.isZero(), "must be longer than 0");
	}

	private void notNegative(String field, @Nullable Duration value) {
		rule(field, value != null && !value.isNegative(), "must not be negative");
	}

	private void atLeast(String field, long value, long minimum) {
		rule(field, value >= minimum, "must be at least " + minimum);
	}

	private void rule(String field, boolean holds, String rule) {
		if (!holds) {
			reject(field, rule);
		}
	}

	// Named as given: an account name or a template id is not a Java field, and is shown
	// as written.
	private void rejectNamed(String property, @Nullable String value, String rule) {
		this.errors.reject("juhe.sms.invalid",
				"juhe.sms." + property + " (" + ((value != null) ? "'" + value + "'" : "not set") + ") " + rule);
	}

	private void rejectSecret(String rule) {
		this.errors.reject("juhe.sms.invalid", "juhe.sms.store-secret " + rule);
	}

	// Named as written in application.yml (retry.max-attempts), as the failure report
	// prints the field as it is given.
	private void reject(String field, String rule) {
		if (this.errors instanceof BindingResult result) {
			result.addError(new FieldError(result.getObjectName(), dashed(field), result.getFieldValue(field), false,
					new String[] { "juhe.sms.invalid" }, null, rule));
		}
		else {
			this.errors.rejectValue(field, "juhe.sms.invalid", rule);
		}
	}

	private static String dashed(String field) {
		StringBuilder dashed = new StringBuilder(field.length() + 4);
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (Character.isUpperCase(c)) {
				dashed.append('-').append(Character.toLowerCase(c));
			}
			else {
				dashed.append(c);
			}
		}
		return dashed.toString();
	}

}

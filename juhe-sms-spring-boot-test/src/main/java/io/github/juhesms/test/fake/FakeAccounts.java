package io.github.juhesms.test.fake;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

/**
 * The fake's accounts by name and by key: the default one, whose keys are
 * {@code juhe.sms.<product>.key}, first. Not thread-safe: the fake calls it under its
 * lock.
 */
final class FakeAccounts {

	static final String DEFAULT = "default";

	static final String CODE_TEMPLATE = "codes.template-id";

	// The starter's rule for the names under juhe.sms.accounts.
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private final Templates templates;

	private final Outbox outbox;

	private final Map<String, FakeAccount> byName = new LinkedHashMap<>();

	private final Map<String, FakeAccount> byKey = new HashMap<>();

	FakeAccounts(Map<JuheProduct, String> defaultKeys, Templates templates, Outbox outbox) {
		this.templates = templates;
		this.outbox = outbox;
		put(DEFAULT, defaultKeys);
	}

	/**
	 * Refuse a name the starter would not bind, or the default account's.
	 * @param name the name
	 * @return the name
	 */
	static String checkName(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("An account name must be 1-64 letters, digits, '_' or '-', "
					+ "starting with a letter or digit, was '" + name + "'");
		}
		if (name.equals(DEFAULT)) {
			throw new IllegalArgumentException(
					"The account name 'default' is reserved for the account of juhe.sms.<product>.key");
		}
		return name;
	}

	/**
	 * The keys an account gets unless told otherwise.
	 * @param name the account name
	 * @return {@code fake-<name>-<product id>-key} for each product
	 */
	static Map<JuheProduct, String> keysOf(String name) {
		Map<JuheProduct, String> keys = new EnumMap<>(JuheProduct.class);
		for (JuheProduct product : JuheProduct.values()) {
			keys.put(product, "fake-" + name + "-" + product.id() + "-key");
		}
		return keys;
	}

	/**
	 * Add an account.
	 * @param name a {@linkplain #checkName(String) valid} name no account has yet
	 * @param keys its key for each product
	 * @throws IllegalArgumentException if another account has one of the keys
	 */
	void add(String name, Map<JuheProduct, String> keys) {
		put(checkName(name), keys);
	}

	boolean contains(String name) {
		return this.byName.containsKey(name);
	}

	// A key identifies its account whatever the product: a shared one could not.
	private void put(String name, Map<JuheProduct, String> keys) {
		for (String key : keys.values()) {
			FakeAccount owner = this.byKey.get(key);
			if (owner != null) {
				throw new IllegalArgumentException(
						"Accounts '" + owner.name() + "' and '" + name + "' must not share the key " + key);
			}
		}
		FakeAccount account = new FakeAccount(name, keys, this.templates, this.outbox);
		this.byName.put(name, account);
		keys.values().forEach((key) -> this.byKey.put(key, account));
	}

	FakeAccount get(String name) {
		FakeAccount account = this.byName.get(name);
		if (account == null) {
			throw new IllegalArgumentException(
					"The fake Juhe server has no account named '" + name + "'; it has " + this.byName.keySet());
		}
		return account;
	}

	@Nullable FakeAccount withKey(@Nullable String key) {
		return (key != null) ? this.byKey.get(key) : null;
	}

	/**
	 * The starter's key and verification-code template properties of the default account
	 * and some named ones.
	 * @param names the named accounts to include; others are left out
	 * @return {@code juhe.sms.<product>.key}, {@code juhe.sms.codes.template-id}, then
	 * {@code juhe.sms.accounts.<name>.<product>.key} and
	 * {@code juhe.sms.accounts.<name>.codes.template-id} of each
	 */
	Map<String, String> properties(Collection<String> names) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (FakeAccount account : this.byName.values()) {
			boolean isDefault = account.name().equals(DEFAULT);
			if (isDefault || names.contains(account.name())) {
				String prefix = isDefault ? "juhe.sms." : "juhe.sms.accounts." + account.name() + ".";
				account.keys().forEach((product, key) -> properties.put(prefix + product.id() + ".key", key));
				properties.put(prefix + CODE_TEMPLATE, Long.toString(account.verificationCodeTemplate().id()));
			}
		}
		return properties;
	}

	List<String> names() {
		return List.copyOf(this.byName.keySet());
	}

}

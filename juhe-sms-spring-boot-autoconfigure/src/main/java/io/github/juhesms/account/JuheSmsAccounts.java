package io.github.juhesms.account;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The application's Juhe accounts and how a call chooses one: the call's own choice, else
 * the {@link JuheSmsAccountResolver}'s, else the {@linkplain JuheSmsAccount#DEFAULT
 * default} account. A chosen name is looked up in the configured accounts
 * ({@code juhe.sms.accounts}), then in the {@link JuheSmsAccountRepository}, whose
 * answers are cached.
 */
public final class JuheSmsAccounts {

	private final JuheSmsAccount defaultAccount;

	private final Map<String, JuheSmsAccount> configured;

	private final @Nullable JuheSmsAccountRepository repository;

	private final @Nullable JuheSmsAccountResolver resolver;

	private final @Nullable Cache<String, JuheSmsAccount> cache;

	private JuheSmsAccounts(Builder builder) {
		this.defaultAccount = builder.defaultAccount;
		this.configured = Map.copyOf(builder.configured);
		this.repository = builder.repository;
		this.resolver = builder.resolver;
		// Built only for a repository: most applications have none and start faster.
		this.cache = (this.repository != null && !builder.cacheTtl.isZero())
				? Caffeine.newBuilder().maximumSize(builder.maxCached).expireAfterWrite(builder.cacheTtl).build()
				: null;
	}

	/**
	 * The accounts of an application with one subscription.
	 * @param defaultAccount the default account
	 * @return the accounts
	 */
	public static JuheSmsAccounts of(JuheSmsAccount defaultAccount) {
		return builder(defaultAccount).build();
	}

	/**
	 * Start building the accounts.
	 * @param defaultAccount the account of a call that chooses none
	 * @return the builder
	 */
	public static Builder builder(JuheSmsAccount defaultAccount) {
		return new Builder(defaultAccount);
	}

	/**
	 * The default account.
	 * @return the account of {@code juhe.sms.key} and {@code juhe.sms.<product>.key}
	 */
	public JuheSmsAccount defaultAccount() {
		return this.defaultAccount;
	}

	/**
	 * The names of the configured accounts, without the default one.
	 * @return the names
	 */
	public Set<String> configuredNames() {
		return this.configured.keySet();
	}

	/**
	 * The account of a call: the call's choice, else the resolver's, else the default.
	 * @param operation the operation called, named in exceptions
	 * @param chosen the call's own choice, or {@code null} for none
	 * @return the account
	 * @throws JuheSmsInvalidRequestException if the name is not a valid account name or
	 * names no account
	 */
	public JuheSmsAccount choose(JuheOperation operation, @Nullable String chosen) {
		String name = chosen;
		if (name == null && this.resolver != null) {
			name = this.resolver.currentAccount();
		}
		return (name != null) ? find(operation, name) : this.defaultAccount;
	}

	/**
	 * The account of a name.
	 * @param operation the operation called, named in exceptions
	 * @param name the account's name; {@value JuheSmsAccount#DEFAULT} is the default
	 * account
	 * @return the account
	 * @throws JuheSmsInvalidRequestException if the name is not a valid account name or
	 * names no account
	 */
	public JuheSmsAccount find(JuheOperation operation, String name) {
		if (JuheSmsAccount.DEFAULT.equals(name)) {
			return this.defaultAccount;
		}
		// A configured name was checked at start-up: the pattern runs only for the rest.
		JuheSmsAccount account = this.configured.get(name);
		if (account != null) {
			return account;
		}
		if (!JuheSmsAccount.isValidName(name)) {
			// Not quoted: a bad name may come from a request and carry anything.
			throw new JuheSmsInvalidRequestException(operation, "account", "must be " + JuheSmsAccount.NAME_RULE);
		}
		if (this.repository != null) {
			account = (this.cache != null) ? this.cache.get(name, this::lookUp) : lookUp(name);
		}
		if (account == null) {
			throw new JuheSmsInvalidRequestException(operation, "account",
					"'" + name + "' is no account: not in juhe.sms.accounts"
							+ ((this.repository != null) ? " and unknown to the JuheSmsAccountRepository" : ""));
		}
		return account;
	}

	/**
	 * The key of an account's product, or an exception that says how to give it one.
	 * @param operation the operation called, named in exceptions
	 * @param account the account
	 * @param product the product
	 * @return the key
	 * @throws JuheSmsInvalidRequestException if the account has no key for the product
	 */
	public String requireKey(JuheOperation operation, JuheSmsAccount account, JuheProduct product) {
		String key = account.key(product);
		if (key != null) {
			return key;
		}
		String prefix = account.isDefault() ? "juhe.sms." : "juhe.sms.accounts." + account.name() + ".";
		String where = (account.isDefault() || this.configured.containsKey(account.name()))
				? ": set " + prefix + product.id() + ".key or " + prefix + "key" : " from the JuheSmsAccountRepository";
		throw new JuheSmsInvalidRequestException(operation, "account",
				"account '" + account.name() + "' has no key for " + product.id() + where);
	}

	/**
	 * Forget what the repository said of one account, so that its next use looks it up
	 * again (a changed key, a removed customer).
	 * @param name the account's name
	 */
	public void refresh(String name) {
		if (this.cache != null) {
			this.cache.invalidate(name);
		}
	}

	/**
	 * Forget everything the repository said.
	 */
	public void refreshAll() {
		if (this.cache != null) {
			this.cache.invalidateAll();
		}
	}

	private @Nullable JuheSmsAccount lookUp(String name) {
		JuheSmsAccount account = this.repository.findAccount(name);
		// An account of another name would take this name's limits and cool-down.
		Assert.state(account == null || account.name().equals(name),
				() -> "The JuheSmsAccountRepository answered account '" + account.name() + "' for '" + name + "'");
		return account;
	}

	@Override
	public String toString() {
		return "JuheSmsAccounts[configured=" + this.configured.keySet() + ", repository=" + (this.repository != null)
				+ ", resolver=" + (this.resolver != null) + "]";
	}

	/**
	 * Builder of {@link JuheSmsAccounts}.
	 */
	public static final class Builder {

		private final JuheSmsAccount defaultAccount;

		private final Map<String, JuheSmsAccount> configured = new LinkedHashMap<>();

		private @Nullable JuheSmsAccountRepository repository;

		private @Nullable JuheSmsAccountResolver resolver;

		private Duration cacheTtl = Duration.ofMinutes(5);

		private long maxCached = 10_000;

		private Builder(JuheSmsAccount defaultAccount) {
			Assert.isTrue(defaultAccount.isDefault(), "The default account must be named " + JuheSmsAccount.DEFAULT);
			this.defaultAccount = defaultAccount;
		}

		/**
		 * Add configured accounts.
		 * @param accounts the accounts, none named {@value JuheSmsAccount#DEFAULT}
		 * @return this builder
		 */
		public Builder accounts(Collection<JuheSmsAccount> accounts) {
			for (JuheSmsAccount account : accounts) {
				Assert.isTrue(!account.isDefault(), "A named account cannot be named " + JuheSmsAccount.DEFAULT);
				Assert.isTrue(this.configured.putIfAbsent(account.name(), account) == null,
						() -> "Account '" + account.name() + "' is given twice");
			}
			return this;
		}

		/**
		 * Set the repository of accounts not configured.
		 * @param repository the repository, or {@code null} for none
		 * @return this builder
		 */
		public Builder repository(@Nullable JuheSmsAccountRepository repository) {
			this.repository = repository;
			return this;
		}

		/**
		 * Set how long and how many of the repository's accounts are kept.
		 * @param ttl how long an account is kept after it was looked up; zero to look it
		 * up on every call
		 * @param maxCached the most accounts kept
		 * @return this builder
		 */
		public Builder cache(Duration ttl, long maxCached) {
			this.cacheTtl = ttl;
			this.maxCached = maxCached;
			return this;
		}

		/**
		 * Set the resolver of a call's account from the current context.
		 * @param resolver the resolver, or {@code null} for none
		 * @return this builder
		 */
		public Builder resolver(@Nullable JuheSmsAccountResolver resolver) {
			this.resolver = resolver;
			return this;
		}

		/**
		 * Build the accounts.
		 * @return the accounts
		 */
		public JuheSmsAccounts build() {
			return new JuheSmsAccounts(this);
		}

	}

}

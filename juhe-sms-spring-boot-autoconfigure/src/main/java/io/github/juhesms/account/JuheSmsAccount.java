package io.github.juhesms.account;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * One Juhe subscription of the application: its name, its keys (Juhe issues one per
 * product) and the settings that belong to a subscription. The account without a name
 * ({@value #DEFAULT}) is the one of today's {@code juhe.sms.*} keys. Its
 * {@link #toString()} never shows a key.
 */
public final class JuheSmsAccount {

	/** Name of the account of {@code juhe.sms.key} and {@code juhe.sms.<product>.key}. */
	public static final String DEFAULT = "default";

	/** What an account name may be: it becomes part of store keys and a metric tag. */
	public static final String NAME_RULE = "1-64 letters, digits, '_' or '-', starting with a letter or digit";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

	private final String name;

	private final @Nullable String key;

	private final Map<JuheProduct, String> productKeys;

	private final Map<JuheProduct, Set<Integer>> busyCodes;

	private final @Nullable Long codesTemplateId;

	private JuheSmsAccount(Builder builder) {
		this.name = builder.name;
		this.key = builder.key;
		this.productKeys = Map.copyOf(builder.productKeys);
		this.busyCodes = Map.copyOf(builder.busyCodes);
		this.codesTemplateId = builder.codesTemplateId;
	}

	/**
	 * Whether a name is a valid account name ({@value #NAME_RULE}).
	 * @param name the name
	 * @return {@code true} if it is
	 */
	public static boolean isValidName(@Nullable String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/**
	 * Start building an account.
	 * @param name the account's name ({@value #NAME_RULE})
	 * @return the builder
	 * @throws IllegalArgumentException if the name breaks the rule
	 */
	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * The account's name, as callers choose it and as metrics and events show it.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether this is the account of today's {@code juhe.sms.*} keys.
	 * @return {@code true} for {@value #DEFAULT}
	 */
	public boolean isDefault() {
		return DEFAULT.equals(this.name);
	}

	/**
	 * The key of one product: the product's own key, else the account's shared one.
	 * @param product the product
	 * @return the key, or {@code null} if the account has none for the product
	 */
	public @Nullable String key(JuheProduct product) {
		String own = this.productKeys.get(product);
		return (own != null) ? own : this.key;
	}

	/**
	 * Whether the account has a key for any product.
	 * @return {@code true} if it has one
	 */
	public boolean hasAnyKey() {
		return this.key != null || !this.productKeys.isEmpty();
	}

	/**
	 * The error codes that mean "busy, not accepted" for one product of this account.
	 * @param product the product
	 * @return the codes, or {@code null} for the product's application-wide ones
	 */
	public @Nullable Set<Integer> busyCodes(JuheProduct product) {
		return this.busyCodes.get(product);
	}

	/**
	 * The account's verification-code template, used by the verification-code service.
	 * @return the template id, or {@code null} if the account has none
	 */
	public @Nullable Long codesTemplateId() {
		return this.codesTemplateId;
	}

	@Override
	public String toString() {
		return "JuheSmsAccount[" + this.name + ", keys=****]";
	}

	/**
	 * Builder of a {@link JuheSmsAccount}.
	 */
	public static final class Builder {

		private final String name;

		private @Nullable String key;

		private final Map<JuheProduct, String> productKeys = new EnumMap<>(JuheProduct.class);

		private final Map<JuheProduct, Set<Integer>> busyCodes = new EnumMap<>(JuheProduct.class);

		private @Nullable Long codesTemplateId;

		private Builder(String name) {
			// The rule is not quoted with the value: a bad name may come from a request.
			Assert.isTrue(isValidName(name), () -> "An account name must be " + NAME_RULE);
			this.name = name;
		}

		/**
		 * Set the key shared by every product that has no key of its own.
		 * @param key the key, or {@code null} for none
		 * @return this builder
		 */
		public Builder key(@Nullable String key) {
			this.key = StringUtils.hasText(key) ? key : null;
			return this;
		}

		/**
		 * Set one product's key.
		 * @param product the product
		 * @param key the key, or {@code null} to use the shared one
		 * @return this builder
		 */
		public Builder key(JuheProduct product, @Nullable String key) {
			if (StringUtils.hasText(key)) {
				this.productKeys.put(product, key);
			}
			else {
				this.productKeys.remove(product);
			}
			return this;
		}

		/**
		 * Set one product's busy codes for this account.
		 * @param product the product
		 * @param codes the codes, or {@code null} for the application-wide ones
		 * @return this builder
		 */
		public Builder busyCodes(JuheProduct product, @Nullable Collection<Integer> codes) {
			if (codes != null) {
				this.busyCodes.put(product, Set.copyOf(codes));
			}
			else {
				this.busyCodes.remove(product);
			}
			return this;
		}

		/**
		 * Set the account's verification-code template.
		 * @param templateId the template id, or {@code null} for none
		 * @return this builder
		 */
		public Builder codesTemplateId(@Nullable Long templateId) {
			this.codesTemplateId = templateId;
			return this;
		}

		/**
		 * Build the account.
		 * @return the account
		 */
		public JuheSmsAccount build() {
			return new JuheSmsAccount(this);
		}

	}

}

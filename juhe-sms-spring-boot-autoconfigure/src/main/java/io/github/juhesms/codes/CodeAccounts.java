package io.github.juhesms.codes;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The account of a verification-code call and its sender: the service view's account,
 * else the resolver's, else the default; a named account sends with its own template.
 */
final class CodeAccounts {

	private static final JuheSmsAccount DEFAULT_ONLY = JuheSmsAccount.builder(JuheSmsAccount.DEFAULT).build();

	private final VerificationCodeSender sender;

	private final @Nullable JuheSmsAccounts accounts;

	private final @Nullable String account;

	CodeAccounts(VerificationCodeSender sender, @Nullable JuheSmsAccounts accounts, @Nullable String account) {
		this.sender = sender;
		this.accounts = accounts;
		this.account = account;
	}

	CodeAccounts forAccount(String account) {
		if (this.accounts == null) {
			throw new IllegalStateException("This VerificationCodeService was created without accounts");
		}
		return new CodeAccounts(this.sender, this.accounts, account);
	}

	VerificationCodeSender sender() {
		return this.sender;
	}

	JuheSmsAccount choose(JuheOperation operation) {
		return (this.accounts != null) ? this.accounts.choose(operation, this.account) : DEFAULT_ONLY;
	}

	VerificationCodeSender sender(JuheOperation operation, JuheSmsAccount account) {
		if (account.isDefault()) {
			return this.sender;
		}
		Long templateId = account.codesTemplateId();
		if (templateId == null) {
			throw new JuheSmsInvalidRequestException(operation, "account",
					"account '" + account.name() + "' has no verification-code template: set juhe.sms.accounts."
							+ account.name() + ".codes.template-id");
		}
		return this.sender.forAccount(account.name(), templateId);
	}

	// A named account's codes are kept apart; the default account's keys are as they
	// were before accounts existed.
	static String scoped(JuheSmsAccount account, String key) {
		return account.isDefault() ? key : account.name() + ":" + key;
	}

}

package io.github.juhesms.account;

import org.jspecify.annotations.Nullable;

/**
 * Supplies accounts the configuration does not name, for example from the application's
 * own database, so that a new customer needs no restart. Declare one as a bean; the
 * starter caches what it returns for {@code juhe.sms.account-repository.cache-ttl} and
 * looks an account up again after {@link JuheSmsAccounts#refresh(String)}. Accounts in
 * {@code juhe.sms.accounts} are found first.
 */
@FunctionalInterface
public interface JuheSmsAccountRepository {

	/**
	 * Find an account by name.
	 * @param name a valid account name, never {@value JuheSmsAccount#DEFAULT}
	 * @return the account, or {@code null} if there is none of that name (not cached, so
	 * an account added later is found on its first use)
	 */
	@Nullable JuheSmsAccount findAccount(String name);

}

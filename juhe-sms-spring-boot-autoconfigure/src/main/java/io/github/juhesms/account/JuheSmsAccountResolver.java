package io.github.juhesms.account;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the account of a call that names none, from the current context: a tenant id in
 * a request attribute or a thread-local, for example. Declare one as a bean. A call's own
 * choice ({@code SendOptions.account}, {@code client.forAccount}) comes first; the
 * default account is used when this returns {@code null}.
 */
@FunctionalInterface
public interface JuheSmsAccountResolver {

	/**
	 * The account of the current context.
	 * @return the account's name, or {@code null} for the default account
	 */
	@Nullable String currentAccount();

}

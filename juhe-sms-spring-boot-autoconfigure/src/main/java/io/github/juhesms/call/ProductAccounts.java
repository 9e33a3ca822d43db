package io.github.juhesms.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The accounts of one product: chooses the account of a call and keeps each account's
 * {@link AccountCalls}, made on its first call. Shared by a product API and its
 * {@linkplain JuheProductApi#forAccount account views}.
 */
final class ProductAccounts {

	private final JuheProduct product;

	private final JuheSmsAccounts accounts;

	private final Set<Integer> busyCodes;

	private final CallServices services;

	private final ConcurrentMap<String, AccountCalls> calls = new ConcurrentHashMap<>();

	ProductAccounts(JuheProduct product, JuheSmsAccounts accounts, Set<Integer> busyCodes, CallServices services) {
		this.product = product;
		this.accounts = accounts;
		this.busyCodes = busyCodes;
		this.services = services;
	}

	/**
	 * The calls of the account a call chose, its view's, else the resolver's or the
	 * default.
	 * @param operation the operation called
	 * @param view the account of the client view, or {@code null}
	 * @param chosen the account of the send options, or {@code null}
	 * @return the account's calls
	 * @throws JuheSmsInvalidRequestException for an unknown account, one without a key
	 * for the product, or a view and options that name different accounts
	 */
	AccountCalls choose(JuheOperation operation, @Nullable String view, @Nullable String chosen) {
		if (view != null && chosen != null && !view.equals(chosen)) {
			throw new JuheSmsInvalidRequestException(operation, "account",
					"the client is for one account and the send options name another; choose one");
		}
		JuheSmsAccount account = this.accounts.choose(operation, (view != null) ? view : chosen);
		String key = this.accounts.requireKey(operation, account, this.product);
		Set<Integer> busyCodes = account.busyCodes(this.product);
		Set<Integer> codes = (busyCodes != null) ? busyCodes : this.busyCodes;
		AccountCalls calls = this.calls.get(account.name());
		if (calls != null && calls.uses(key, codes)) {
			return calls;
		}
		return this.calls.compute(account.name(), (name, old) -> (old != null && old.uses(key, codes)) ? old
				: new AccountCalls(this.product, name, key, codes, this.services));
	}

	/**
	 * The cool-downs running now, by account name, the default account first.
	 * @return the cool-downs
	 */
	Map<String, CoolDown> coolDowns() {
		Map<String, CoolDown> coolDowns = new LinkedHashMap<>();
		AccountCalls defaultCalls = this.calls.get(JuheSmsAccount.DEFAULT);
		CoolDown defaultCoolDown = (defaultCalls != null) ? defaultCalls.failFast().current() : null;
		if (defaultCoolDown != null) {
			coolDowns.put(JuheSmsAccount.DEFAULT, defaultCoolDown);
		}
		new TreeMap<>(this.calls).forEach((name, calls) -> {
			CoolDown coolDown = calls.failFast().current();
			if (coolDown != null) {
				coolDowns.putIfAbsent(name, coolDown);
			}
		});
		return coolDowns;
	}

}

package io.github.juhesms.call;

import java.util.Set;

import io.github.juhesms.core.JuheProduct;

/**
 * What one account's calls of one product own: its key and busy codes, its fail-fast
 * cool-down and its retry budget, so that one customer's banned key or retry storm never
 * holds up another's.
 */
final class AccountCalls {

	private final String account;

	private final String key;

	private final Set<Integer> busyCodes;

	private final FailFast failFast;

	private final ProductRetries retries;

	AccountCalls(JuheProduct product, String account, String key, Set<Integer> busyCodes, CallServices services) {
		this.account = account;
		this.key = key;
		this.busyCodes = busyCodes;
		this.failFast = new FailFast(services.failFast(), services.clock());
		this.retries = new ProductRetries(product, account, busyCodes, services);
	}

	// A repository's account whose key or codes changed starts afresh: a cool-down of
	// the old key says nothing of the new one.
	boolean uses(String key, Set<Integer> busyCodes) {
		return this.key.equals(key) && this.busyCodes.equals(busyCodes);
	}

	String account() {
		return this.account;
	}

	String key() {
		return this.key;
	}

	Set<Integer> busyCodes() {
		return this.busyCodes;
	}

	FailFast failFast() {
		return this.failFast;
	}

	ProductRetries retries() {
		return this.retries;
	}

}

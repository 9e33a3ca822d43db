package io.github.juhesms.sample;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A starter bean the endpoint needs is absent because its configuration is missing.
 */
class NotConfiguredException extends RuntimeException {

	NotConfiguredException(String message) {
		super(message);
	}

	static <T> T requireProduct(ObjectProvider<T> client, String product) {
		return require(client,
				"Juhe product '" + product + "' is not configured: set juhe.sms.key or juhe.sms." + product + ".key");
	}

	static <T> T require(ObjectProvider<T> bean, String message) {
		T available = bean.getIfAvailable();
		if (available == null) {
			throw new NotConfiguredException(message);
		}
		return available;
	}

}

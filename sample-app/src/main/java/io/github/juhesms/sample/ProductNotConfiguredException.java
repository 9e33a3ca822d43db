package io.github.juhesms.sample;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A product's client bean is absent because no key is configured for it.
 */
class ProductNotConfiguredException extends RuntimeException {

	ProductNotConfiguredException(String product) {
		super("Juhe product '" + product + "' is not configured: set juhe.sms.key or juhe.sms." + product + ".key");
	}

	static <T> T require(ObjectProvider<T> client, String product) {
		T available = client.getIfAvailable();
		if (available == null) {
			throw new ProductNotConfiguredException(product);
		}
		return available;
	}

}

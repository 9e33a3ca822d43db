package io.github.juhesms.template;

import java.util.List;

/**
 * Where a product's templates come from: its template list endpoint, called for one
 * account.
 */
@FunctionalInterface
public interface TemplateSource {

	/**
	 * Fetch the templates of one account.
	 * @param account the account's name
	 * @return the account's templates
	 * @throws RuntimeException if they could not be fetched
	 */
	List<KnownTemplate> fetch(String account);

}

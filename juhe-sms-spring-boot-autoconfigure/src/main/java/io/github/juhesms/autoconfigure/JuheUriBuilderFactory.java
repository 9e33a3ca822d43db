package io.github.juhesms.autoconfigure;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.DefaultUriBuilderFactory;

/**
 * The URI factory of the Juhe clients: the base URL and each operation's fixed path are
 * expanded into a {@link URI} once, not parsed again on every call. Templates with
 * variables are expanded as usual.
 */
final class JuheUriBuilderFactory extends DefaultUriBuilderFactory {

	// One entry per Juhe operation path: a small, fixed set.
	private final Map<String, URI> expanded = new ConcurrentHashMap<>();

	JuheUriBuilderFactory(String baseUrl) {
		super(baseUrl);
	}

	@Override
	public URI expand(String uriTemplate, @Nullable Object... uriVars) {
		if (uriVars.length > 0) {
			return super.expand(uriTemplate, uriVars);
		}
		URI uri = this.expanded.get(uriTemplate);
		if (uri == null) {
			uri = super.expand(uriTemplate, uriVars);
			this.expanded.put(uriTemplate, uri);
		}
		return uri;
	}

}

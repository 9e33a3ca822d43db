package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds the shared {@link FakeJuheServer}'s URL and the keys of its default account and of
 * the test class's named ones ahead of every other property source, test defaults behind
 * all of them, and the server as a bean. Instances with the same accounts are equal:
 * every context points at the same server, so Spring may share one cached context between
 * test classes that ask for the same accounts.
 */
class FakeJuheServerContextCustomizer implements ContextCustomizer {

	// Behind the application's own configuration: only fill in what it leaves unset. A
	// cached context outlives a test, so per-number limits and code cool-downs would leak
	// from one test into the next; and a test runs at any hour, so the send hours of
	// video and marketing SMS would pass it by day and fail it by night.
	private static final Map<String, Object> TEST_DEFAULTS = Map.of("juhe.sms.fail-fast.cooldown", "0s",
			"juhe.sms.retry.initial-interval", "10ms", "juhe.sms.retry.max-interval", "50ms", "juhe.sms.retry.jitter",
			"0ms", "juhe.sms.limits.enabled", "false", "juhe.sms.codes.resend-cooldown", "1ms",
			"juhe.sms.video.send-window.enabled", "false", "juhe.sms.sms-api.marketing.send-window.enabled", "false");

	private final Set<String> accounts;

	FakeJuheServerContextCustomizer(Set<String> accounts) {
		this.accounts = accounts;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeJuheServer server = SharedFakeJuheServer.get();
		server.addAccounts(this.accounts);
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		Map<String, Object> fake = new LinkedHashMap<>(server.properties(this.accounts));
		// The application's template ids are production ones, unknown to the fake; an id
		// the test class sets itself (a template it submits) wins over the standing one.
		Set<String> setByTest = TestPropertySourceUtils
			.convertInlinedPropertiesToMap(mergedConfig.getPropertySourceProperties())
			.keySet();
		fake.keySet().removeIf((name) -> name.endsWith("." + FakeAccounts.CODE_TEMPLATE) && setByTest.contains(name));
		sources.addFirst(new MapPropertySource("fakeJuheServer", fake));
		sources.addLast(new MapPropertySource("fakeJuheServerTestDefaults", TEST_DEFAULTS));
		context.getBeanFactory().registerSingleton("fakeJuheServer", server);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof FakeJuheServerContextCustomizer customizer && this.accounts.equals(customizer.accounts);
	}

	@Override
	public int hashCode() {
		return this.accounts.hashCode();
	}

}

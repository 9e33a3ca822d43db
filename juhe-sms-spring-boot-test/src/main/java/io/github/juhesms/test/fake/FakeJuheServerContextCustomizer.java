package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Adds the shared {@link FakeJuheServer}'s URL and keys ahead of every other property
 * source, test defaults behind all of them, and the server as a bean. All instances are
 * equal: every context points at the same server, so Spring may share one cached context
 * between test classes.
 */
class FakeJuheServerContextCustomizer implements ContextCustomizer {

	// Behind the application's own configuration: only fill in what it leaves unset. A
	// cached context outlives a test, so per-number limits and code cool-downs would leak
	// from one test into the next.
	private static final Map<String, Object> TEST_DEFAULTS = Map.of("juhe.sms.fail-fast.cooldown", "0s",
			"juhe.sms.retry.initial-interval", "10ms", "juhe.sms.retry.max-interval", "50ms", "juhe.sms.retry.jitter",
			"0ms", "juhe.sms.limits.enabled", "false", "juhe.sms.codes.resend-cooldown", "1ms");

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeJuheServer server = SharedFakeJuheServer.get();
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		Map<String, Object> fake = new LinkedHashMap<>(server.properties());
		// The application's own template id is a production one the fake cannot know; one
		// the test class sets itself (a template it submits) wins over the standing one.
		if (setByTest(mergedConfig, FakeJuheServer.CODE_TEMPLATE_PROPERTY)) {
			fake.remove(FakeJuheServer.CODE_TEMPLATE_PROPERTY);
		}
		sources.addFirst(new MapPropertySource("fakeJuheServer", fake));
		sources.addLast(new MapPropertySource("fakeJuheServerTestDefaults", TEST_DEFAULTS));
		context.getBeanFactory().registerSingleton("fakeJuheServer", server);
	}

	private static boolean setByTest(MergedContextConfiguration mergedConfig, String name) {
		return TestPropertySourceUtils.convertInlinedPropertiesToMap(mergedConfig.getPropertySourceProperties())
			.containsKey(name);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}

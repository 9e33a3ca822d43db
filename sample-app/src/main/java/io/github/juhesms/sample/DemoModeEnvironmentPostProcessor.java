package io.github.juhesms.sample;

import java.util.Arrays;

import io.github.juhesms.core.JuheProduct;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Switches the sample to demo mode when no Juhe key is configured: starts a
 * {@link DemoJuhe} and points the starter at it. Registered in
 * {@code META-INF/spring.factories}.
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "demoJuhe";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// Decided here, before the context exists, because the starter creates a
		// product's client only when a key resolves for it: the fake's keys must be in
		// the environment by then.
		if (anyKeyConfigured(environment)) {
			return;
		}
		DemoJuhe demo = DemoJuhe.start();
		// First, so the fake's keys win over the empty ${JUHE_SMS_..._KEY:} of
		// application.yml.
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, demo.properties()));
		application.addInitializers(demo::register);
	}

	// The keys the starter's @ConditionalOnJuheSmsKey looks at: the shared one and each
	// product's own.
	private static boolean anyKeyConfigured(ConfigurableEnvironment environment) {
		return StringUtils.hasText(environment.getProperty("juhe.sms.key")) || Arrays.stream(JuheProduct.values())
			.anyMatch((product) -> StringUtils.hasText(environment.getProperty("juhe.sms." + product.id() + ".key")));
	}

	@Override
	public int getOrder() {
		// After config data, so keys from application.yml and the environment variables
		// it maps are seen.
		return Ordered.LOWEST_PRECEDENCE;
	}

}

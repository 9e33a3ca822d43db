package io.github.juhesms.sample;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Starts demo mode when the {@code demo} profile is active, and only then: starts a
 * {@link DemoJuhe} and points the starter at it. Refused together with the {@code prod}
 * profile, so a typo in a production key can never turn the app into one that "sends" to
 * a fake and publishes the codes. Registered in {@code META-INF/spring.factories}.
 */
class DemoModeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "demoJuhe";

	/** The API token of demo mode, which README's curl session uses. */
	static final String DEMO_TOKEN = "demo-token";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("demo"))) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The demo profile is refused together with the prod profile: demo mode "
					+ "sends to a fake Juhe and shows every code at /demo/outbox");
		}
		DemoJuhe demo = DemoJuhe.start();
		Map<String, Object> properties = demo.properties();
		if (!StringUtils.hasText(environment.getProperty("sample.api-token"))) {
			properties.put("sample.api-token", DEMO_TOKEN);
		}
		// The fake sends nothing to a phone, and README's session has a video send: it
		// works at any hour, not only in video SMS's 09:00-18:00 China time.
		properties.put("juhe.sms.video.send-window.enabled", "false");
		// First, so the fake's keys win over the ${JUHE_SMS_..._KEY:} of application.yml.
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		application.addInitializers(demo::register);
	}

	@Override
	public int getOrder() {
		// After config data, so the profiles it activates are known.
		return Ordered.LOWEST_PRECEDENCE;
	}

}

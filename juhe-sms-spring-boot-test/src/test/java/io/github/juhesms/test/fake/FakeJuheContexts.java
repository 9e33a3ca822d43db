package io.github.juhesms.test.fake;

import io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Application contexts of the starter pointed at a fake server, for tests that need
 * settings a shared {@code @SpringBootTest} context must not have (a wrong key, a short
 * read timeout).
 */
final class FakeJuheContexts {

	private FakeJuheContexts() {
	}

	/**
	 * The starter's auto-configuration with the fake's URL and keys, no fail-fast
	 * cool-down, fast retries and no send hours (tests run at any hour); later property
	 * values win.
	 * @param server the fake server
	 * @return the runner
	 */
	static ApplicationContextRunner runner(FakeJuheServer server) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					JuheSmsAutoConfiguration.class))
			.withPropertyValues("juhe.sms.fail-fast.cooldown=0s", "juhe.sms.retry.initial-interval=10ms",
					"juhe.sms.retry.jitter=0ms", "juhe.sms.video.send-window.enabled=false");
		for (var property : server.properties().entrySet()) {
			runner = runner.withPropertyValues(property.getKey() + "=" + property.getValue());
		}
		return runner;
	}

}

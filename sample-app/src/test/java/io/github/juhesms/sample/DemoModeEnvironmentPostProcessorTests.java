package io.github.juhesms.sample;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.test.fake.FakeJuheServer;
import io.github.juhesms.test.fake.FakeTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * When demo mode starts, what it adds to the environment and the context, and that the
 * context stops the fake.
 */
class DemoModeEnvironmentPostProcessorTests {

	private final DemoModeEnvironmentPostProcessor postProcessor = new DemoModeEnvironmentPostProcessor();

	private final SpringApplication application = new SpringApplication();

	DemoModeEnvironmentPostProcessorTests() {
		this.application.setInitializers(List.of());
	}

	@Test
	void withoutTheDemoProfileThereIsNoDemoModeEvenWithoutAKey() {
		MockEnvironment environment = new MockEnvironment().withProperty("juhe.sms.key", "");

		this.postProcessor.postProcessEnvironment(environment, this.application);

		assertThat(environment.getPropertySources().contains(DemoModeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(this.application.getInitializers()).isEmpty();
	}

	@Test
	void theDemoProfileIsRefusedTogetherWithProd() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("prod", "demo");

		assertThatIllegalStateException()
			.isThrownBy(() -> this.postProcessor.postProcessEnvironment(environment, this.application))
			.withMessageStartingWith("The demo profile is refused together with the prod profile");
		assertThat(environment.getPropertySources().contains(DemoModeEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

	@Test
	void theDemoProfileKeepsATokenOfTheUsersOwn() throws IOException {
		MockEnvironment environment = new MockEnvironment().withProperty("sample.api-token", "my-own-token-0123456");
		environment.setActiveProfiles("demo");

		this.postProcessor.postProcessEnvironment(environment, this.application);

		try (GenericApplicationContext context = new GenericApplicationContext()) {
			initialize(context);
			context.refresh();
			assertThat(environment.getProperty("sample.api-token")).isEqualTo("my-own-token-0123456");
		}
	}

	@Test
	void withTheDemoProfileEveryProductAndTheCodesUseAFakeThatTheContextStops() throws IOException {
		MockEnvironment environment = new MockEnvironment().withProperty("juhe.sms.key", "real-key")
			.withProperty("juhe.sms.international.key", "");
		environment.setActiveProfiles("demo");

		this.postProcessor.postProcessEnvironment(environment, this.application);

		FakeJuheServer juhe;
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			initialize(context);
			context.refresh();
			juhe = context.getBean(DemoJuhe.SERVER_BEAN_NAME, FakeJuheServer.class);
			assertThat(environment.getProperty("juhe.sms.base-url")).isEqualTo(juhe.baseUrl());
			for (JuheProduct product : JuheProduct.values()) {
				assertThat(environment.getProperty("juhe.sms." + product.id() + ".key")).isEqualTo(juhe.key(product));
			}
			assertThat(environment.getProperty("sample.api-token"))
				.isEqualTo(DemoModeEnvironmentPostProcessor.DEMO_TOKEN);
			long codeTemplate = environment.getRequiredProperty("juhe.sms.codes.template-id", Long.class);
			assertThat(juhe.template(codeTemplate).templateCode()).isEqualTo(1001);
			assertThat(juhe.templates()).extracting(FakeTemplate::product).contains(JuheProduct.values());
			assertThat(juhe.templates()).allMatch(FakeTemplate::isUsable);
		}
		assertThatIOException().isThrownBy(() -> new Socket("127.0.0.1", juhe.port()).close());
	}

	@SuppressWarnings("unchecked")
	private void initialize(ConfigurableApplicationContext context) {
		for (ApplicationContextInitializer<?> initializer : this.application.getInitializers()) {
			((ApplicationContextInitializer<ConfigurableApplicationContext>) initializer).initialize(context);
		}
	}

}

package io.github.juhesms.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.context.ApplicationContextInitializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Boot line check: Boot 3 refused in one sentence, Boot 4 and unreadable versions let
 * through. The real Boot 3.5.7 application is started by the starter module's invoker
 * test.
 */
class JuheSmsBootVersionCheckTests {

	@ParameterizedTest
	@ValueSource(strings = { "3.5.7", "3.4.0", "3.0.0-RC1", "2.7.18" })
	void refusesBootBeforeFour(String version) {
		assertThatThrownBy(() -> JuheSmsBootVersionCheck.check(version))
			.isInstanceOf(JuheSmsBootVersionCheck.UnsupportedBootVersionException.class)
			.hasMessage("juhe-sms-spring-boot-starter needs Spring Boot 4.0 or later but this application runs "
					+ "Spring Boot " + version + ": upgrade it to Spring Boot 4.1 (or 4.0), as no release of the "
					+ "starter supports Spring Boot 3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "4.0.7", "4.1.2", "4.2.0-SNAPSHOT", "10.0.0", "unknown" })
	void letsBootFourAndUnreadableVersionsThrough(String version) {
		assertThatNoException().isThrownBy(() -> JuheSmsBootVersionCheck.check(version));
	}

	@Test
	void letsAnApplicationWithoutAVersionThrough() {
		assertThatNoException().isThrownBy(() -> JuheSmsBootVersionCheck.check(null));
	}

	@Test
	void runsOnTheBootOfThisBuildWithoutComplaint() {
		assertThatNoException()
			.isThrownBy(() -> new JuheSmsBootVersionCheck().initialize(new GenericApplicationContext()));
	}

	@Test
	void isRegisteredAsAnInitializerEveryApplicationRuns() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationContextInitializer.class))
			.anyMatch(JuheSmsBootVersionCheck.class::isInstance);
		assertThat(new SpringApplication().getInitializers()).anyMatch(JuheSmsBootVersionCheck.class::isInstance);
	}

	@Test
	void failureAnalysisIsTheOneSentence() {
		FailureAnalysis analysis = new JuheSmsFailureAnalyzer(new StandardEnvironment())
			.analyze(new IllegalStateException("wrapped",
					new JuheSmsBootVersionCheck.UnsupportedBootVersionException("3.5.7")));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("juhe-sms-spring-boot-starter needs Spring Boot 4.0")
			.contains("runs Spring Boot 3.5.7");
		assertThat(analysis.getAction())
			.isEqualTo("Upgrade the application to Spring Boot 4.1 (or 4.0), or remove juhe-sms-spring-boot-starter.");
	}

}

package io.github.juhesms.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Refuses a Spring Boot 3 application in one sentence before anything else of the starter
 * loads: on Boot 3 the Boot 4 modules the starter brings fail later with errors that name
 * neither the starter nor the version. Uses only types Boot 3 has too.
 */
class JuheSmsBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		check(SpringBootVersion.getVersion());
	}

	static void check(@Nullable String bootVersion) {
		if (bootVersion != null && major(bootVersion) < 4) {
			throw new UnsupportedBootVersionException(bootVersion);
		}
	}

	private static int major(String version) {
		int dot = version.indexOf('.');
		try {
			return Integer.parseInt((dot > 0) ? version.substring(0, dot) : version);
		}
		catch (NumberFormatException ex) {
			// A version this check cannot read is left to the application.
			return Integer.MAX_VALUE;
		}
	}

	/**
	 * The application runs on a Spring Boot line the starter does not support.
	 */
	static final class UnsupportedBootVersionException extends IllegalStateException {

		UnsupportedBootVersionException(String bootVersion) {
			super("juhe-sms-spring-boot-starter needs Spring Boot 4.0 or later but this application runs Spring Boot "
					+ bootVersion + ": upgrade it to Spring Boot 4.1 (or 4.0), as no release of the starter "
					+ "supports Spring Boot 3");
		}

	}

}

package io.github.juhesms.autoconfigure;

import java.util.Map;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Explains the starter's start-up failures in its users' words: its own configuration
 * errors, and an injection point that needs a product client or the verification-code
 * service the starter did not create, with the properties that would create it. Ahead of
 * Boot's analyzers, whose advice for a missing client would be to define the bean.
 */
class JuheSmsFailureAnalyzer implements FailureAnalyzer, Ordered {

	private static final Map<Class<?>, JuheProduct> CLIENTS = Map.of(InternationalSmsClient.class,
			JuheProduct.INTERNATIONAL, FinancialSmsClient.class, JuheProduct.FINANCIAL, VerificationCodeSmsClient.class,
			JuheProduct.VERIFICATION_CODE, SmsApiClient.class, JuheProduct.SMS_API, VideoSmsClient.class,
			JuheProduct.VIDEO);

	private final Binder binder;

	JuheSmsFailureAnalyzer(Environment environment) {
		this.binder = Binder.get(environment);
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JuheSmsBootVersionCheck.UnsupportedBootVersionException) {
				return new FailureAnalysis(cause.getMessage(),
						"Upgrade the application to Spring Boot 4.1 (or 4.0), or remove juhe-sms-spring-boot-starter.",
						cause);
			}
			if (cause instanceof JuheSmsConfigurationException configuration) {
				return new FailureAnalysis(
						"Invalid Juhe SMS configuration:\n\n    Property: " + configuration.getProperty()
								+ "\n    Value: "
								+ ((configuration.getValue() != null) ? "\"" + configuration.getValue() + "\""
										: "(not set)")
								+ "\n    Reason: " + configuration.getRule(),
						configuration.getAction(), configuration);
			}
			if (cause instanceof NoSuchBeanDefinitionException missing && missing.getBeanType() != null) {
				FailureAnalysis analysis = missingBean(missing.getBeanType(), missing);
				if (analysis != null) {
					return analysis;
				}
			}
		}
		return null;
	}

	private @Nullable FailureAnalysis missingBean(Class<?> type, NoSuchBeanDefinitionException missing) {
		JuheProduct product = CLIENTS.get(type);
		if (product != null) {
			return new FailureAnalysis(
					"A component needs a " + type.getSimpleName() + ", which the Juhe SMS starter did not create: "
							+ whyNot(product) + ".",
					"Set juhe.sms." + product.id() + ".key or juhe.sms.key (for example from the environment "
							+ "variable JUHE_SMS_KEY), leave juhe.sms." + product.id() + ".enabled true, or define a "
							+ type.getSimpleName() + " bean of your own.",
					missing);
		}
		if (type == VerificationCodeService.class) {
			return new FailureAnalysis(
					"A component needs a VerificationCodeService, which the Juhe SMS starter creates only once "
							+ "juhe.sms.codes.template-id is set: " + describe("juhe.sms.codes.template-id") + ".",
					"Set juhe.sms.codes.template-id to an approved template of the product named by "
							+ "juhe.sms.codes.product (verification-code by default), and a key for that product.",
					missing);
		}
		return null;
	}

	private String whyNot(JuheProduct product) {
		String enabled = "juhe.sms." + product.id() + ".enabled";
		if ("false".equalsIgnoreCase(value(enabled))) {
			return enabled + " is false";
		}
		String ownKey = "juhe.sms." + product.id() + ".key";
		return "no key: " + describe(ownKey) + " and " + describe("juhe.sms.key");
	}

	// Says whether a key is set, never what it is.
	private String describe(String property) {
		String value = value(property);
		if (value == null) {
			return property + " is not set";
		}
		return StringUtils.hasText(value) ? property + " is set" : property + " is blank";
	}

	private @Nullable String value(String property) {
		return this.binder.bind(property, String.class).orElse(null);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}

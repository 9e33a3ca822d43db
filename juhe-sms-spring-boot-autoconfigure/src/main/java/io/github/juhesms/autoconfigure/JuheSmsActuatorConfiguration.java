package io.github.juhesms.autoconfigure;

import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Masks the Juhe keys in {@code /actuator/configprops} and {@code /actuator/env} even when an
 * application shows their values ({@code show-values=always}), which Boot would otherwise print in clear.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(SanitizingFunction.class)
class JuheSmsActuatorConfiguration {

	// juhe.sms.key, juhe.sms.<product>.key and their environment-variable forms (JUHE_SMS_KEY, ...).
	private static final Pattern KEY_PROPERTY = Pattern.compile("(?i)juhe[._-]sms[._-](?:[a-z-]+[._])?key");

	@Bean
	SanitizingFunction juheSmsKeySanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(KEY_PROPERTY);
	}

}

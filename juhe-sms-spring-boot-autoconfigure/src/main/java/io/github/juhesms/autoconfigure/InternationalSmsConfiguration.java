package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.international.InternationalSmsClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The International SMS client, when enabled and a key resolves for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "juhe.sms.international", name = "enabled", matchIfMissing = true)
@ConditionalOnJuheSmsKey(JuheProduct.INTERNATIONAL)
class InternationalSmsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InternationalSmsClient internationalSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		JuheSmsProperties.Product international = properties.getInternational();
		return new InternationalSmsClient(factory.create(JuheProduct.INTERNATIONAL,
				properties.resolveKey(international), international.getBusyCodes()));
	}

}

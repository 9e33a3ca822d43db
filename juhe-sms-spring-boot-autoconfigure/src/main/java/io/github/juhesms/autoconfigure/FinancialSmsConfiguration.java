package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.financial.FinancialSmsClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Financial SMS client, when enabled and a key resolves for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "juhe.sms.financial", name = "enabled", matchIfMissing = true)
@ConditionalOnJuheSmsKey(JuheProduct.FINANCIAL)
class FinancialSmsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FinancialSmsClient financialSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		JuheSmsProperties.Product financial = properties.getFinancial();
		return new FinancialSmsClient(factory.create(JuheProduct.FINANCIAL, properties.resolveKey(financial),
				financial.getBusyCodes()));
	}

}

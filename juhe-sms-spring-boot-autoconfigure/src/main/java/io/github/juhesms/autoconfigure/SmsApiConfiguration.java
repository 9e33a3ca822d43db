package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.smsapi.SmsApiClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SMS API client, when enabled and a key resolves for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "juhe.sms.sms-api", name = "enabled", matchIfMissing = true)
@ConditionalOnJuheSmsKey(JuheProduct.SMS_API)
class SmsApiConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SmsApiClient smsApiClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		JuheSmsProperties.SmsApi smsApi = properties.getSmsApi();
		return new SmsApiClient(
				factory.create(JuheProduct.SMS_API, properties.resolveKey(smsApi), smsApi.getBusyCodes()),
				smsApi.getVariablesFormat());
	}

}

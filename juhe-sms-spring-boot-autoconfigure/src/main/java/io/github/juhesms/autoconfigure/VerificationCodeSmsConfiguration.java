package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Verification-code SMS client, when enabled and a key resolves for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "juhe.sms.verification-code", name = "enabled", matchIfMissing = true)
@ConditionalOnJuheSmsKey(JuheProduct.VERIFICATION_CODE)
class VerificationCodeSmsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VerificationCodeSmsClient verificationCodeSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		JuheSmsProperties.Product verificationCode = properties.getVerificationCode();
		return new VerificationCodeSmsClient(factory.create(JuheProduct.VERIFICATION_CODE,
				properties.resolveKey(verificationCode), verificationCode.getBusyCodes()));
	}

}

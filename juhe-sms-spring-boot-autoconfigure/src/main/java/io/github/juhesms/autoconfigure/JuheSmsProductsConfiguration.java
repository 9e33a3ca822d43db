package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.JuheProductApi;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One client bean per product that is enabled and has a key. One class rather than one per product:
 * each configuration class costs start-up time to read and check.
 */
@Configuration(proxyBeanMethods = false)
class JuheSmsProductsConfiguration {

	@Bean
	@ConditionalOnMissingBean(InternationalSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.international", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.INTERNATIONAL)
	InternationalSmsClient internationalSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new InternationalSmsClient(api(factory, properties, JuheProduct.INTERNATIONAL,
				properties.getInternational()));
	}

	@Bean
	@ConditionalOnMissingBean(FinancialSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.financial", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.FINANCIAL)
	FinancialSmsClient financialSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new FinancialSmsClient(api(factory, properties, JuheProduct.FINANCIAL, properties.getFinancial()));
	}

	@Bean
	@ConditionalOnMissingBean(VerificationCodeSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.verification-code", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.VERIFICATION_CODE)
	VerificationCodeSmsClient verificationCodeSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new VerificationCodeSmsClient(api(factory, properties, JuheProduct.VERIFICATION_CODE,
				properties.getVerificationCode()));
	}

	@Bean
	@ConditionalOnMissingBean(SmsApiClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.sms-api", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.SMS_API)
	SmsApiClient smsApiClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new SmsApiClient(api(factory, properties, JuheProduct.SMS_API, properties.getSmsApi()),
				properties.getSmsApi().getVariablesFormat());
	}

	@Bean
	@ConditionalOnMissingBean(VideoSmsClient.class)
	@ConditionalOnProperty(prefix = "juhe.sms.video", name = "enabled", matchIfMissing = true)
	@ConditionalOnJuheSmsKey(JuheProduct.VIDEO)
	VideoSmsClient videoSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		return new VideoSmsClient(api(factory, properties, JuheProduct.VIDEO, properties.getVideo()));
	}

	private static JuheProductApi api(JuheProductApiFactory factory, JuheSmsProperties properties,
			JuheProduct product, JuheSmsProperties.Product settings) {
		return factory.create(product, properties.resolveKey(settings), settings.getBusyCodes());
	}

}

package io.github.juhesms.autoconfigure;

import java.time.Clock;

import io.github.juhesms.codes.VerificationCodeSender;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.codes.VerificationCodeSettings;
import io.github.juhesms.codes.VerificationCodeStore;
import io.github.juhesms.core.SendLimitRule;
import io.github.juhesms.core.SendLimiter;
import io.github.juhesms.limits.FailOpenSendLimiter;
import io.github.juhesms.limits.SendLimitStore;
import io.github.juhesms.limits.SlidingWindowSendLimiter;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Per-number send limits and verification codes, over the configured stores (see
 * {@link JuheSmsStores}).
 */
@Configuration(proxyBeanMethods = false)
@Import(JuheSmsRedisStoreConfiguration.class)
class JuheSmsProtectionConfiguration {

	@Bean
	@ConditionalOnMissingBean(SendLimiter.class)
	SendLimiter juheSmsSendLimiter(JuheSmsProperties properties, ObjectProvider<SendLimitStore> store) {
		JuheSmsProperties.Limits limits = properties.getLimits();
		if (!limits.isEnabled()) {
			return SendLimiter.UNLIMITED;
		}
		SendLimiter limiter = new SlidingWindowSendLimiter(JuheSmsStores.sendLimits(properties, store),
				limits.getRules().stream().map((rule) -> new SendLimitRule(rule.getCount(), rule.getWindow())).toList(),
				limits.isPerTemplate(), Clock.systemUTC());
		return JuheSmsStores.failOpen(properties) ? new FailOpenSendLimiter(limiter) : limiter;
	}

	@Bean
	@ConditionalOnMissingBean(VerificationCodeService.class)
	@Conditional(OnCodesTemplateCondition.class)
	VerificationCodeService verificationCodeService(JuheSmsProperties properties,
			ObjectProvider<VerificationCodeSmsClient> verificationCodeSms, ObjectProvider<SmsApiClient> smsApi,
			ObjectProvider<VerificationCodeStore> store) {
		JuheSmsProperties.Codes codes = properties.getCodes();
		long templateId = codes.getTemplateId();
		VerificationCodeSender sender = switch (codes.getProduct()) {
			case VERIFICATION_CODE -> VerificationCodeSender
				.verificationCodeSms(required(verificationCodeSms, "juhe.sms.codes (the verification-code product: "
						+ "set juhe.sms.verification-code.key or juhe.sms.key)"), templateId);
			case SMS_API -> VerificationCodeSender.smsApi(
					required(smsApi, "juhe.sms.codes (the SMS API product: set juhe.sms.sms-api.key or juhe.sms.key)"),
					templateId);
		};
		return new VerificationCodeService(sender, JuheSmsStores.verificationCodes(properties, store),
				new VerificationCodeSettings(codes.getLength(), codes.getTtl(), codes.getResendCooldown(),
						codes.getMaxAttempts(), codes.getCodeVariable(), codes.getMinutesVariable(),
						codes.getVariables()),
				Clock.systemUTC());
	}

	private static <T> T required(ObjectProvider<T> provider, String what) {
		T bean = provider.getIfAvailable();
		if (bean == null) {
			throw new IllegalStateException("No client for " + what + " is available");
		}
		return bean;
	}

}

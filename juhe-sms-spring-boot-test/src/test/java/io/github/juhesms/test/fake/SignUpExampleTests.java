package io.github.juhesms.test.fake;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test as the module's documentation shows it: an application service sends
 * through the real beans, the test reads the code from the outbox.
 */
@SpringBootTest
@FakeJuheServerTest
class SignUpExampleTests {

	@Autowired
	SignUp signUp;

	@Test
	void signUpWithTheCodeSentBySms(FakeJuheServer juhe) {
		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1001).id();

		this.signUp.sendCode("13800138000", templateId);
		String code = juhe.lastCodeSentTo("13800138000").orElseThrow();

		assertThat(this.signUp.verify("13800138000", code)).isTrue();
		assertThat(juhe.messagesTo("13800138000")).singleElement().returns("【聚合数据】您的验证码是" + code, SentMessage::text);
	}

	/**
	 * The application's service under test.
	 */
	static class SignUp {

		private final SecureRandom random = new SecureRandom();

		private final Map<String, String> codes = new ConcurrentHashMap<>();

		private final VerificationCodeSmsClient sms;

		SignUp(VerificationCodeSmsClient sms) {
			this.sms = sms;
		}

		void sendCode(String mobile, long templateId) {
			String code = String.format("%06d", this.random.nextInt(1_000_000));
			this.sms.send(mobile, templateId, Map.of("code", code));
			this.codes.put(mobile, code);
		}

		boolean verify(String mobile, String code) {
			return code.equals(this.codes.get(mobile));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SignUpConfiguration {

		@Bean
		SignUp signUp(VerificationCodeSmsClient sms) {
			return new SignUp(sms);
		}

	}

}

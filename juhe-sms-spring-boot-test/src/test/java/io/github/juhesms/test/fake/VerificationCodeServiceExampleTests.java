package io.github.juhesms.test.fake;

import io.github.juhesms.codes.SentVerificationCode;
import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.VerificationResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's test of the starter's {@link VerificationCodeService} against the fake, with
 * no template id written down: the fake's standing verification-code template serves it,
 * in every test of a cached context, and over the application's own (production) id.
 */
@SpringBootTest(properties = "spring.config.import=classpath:production-codes.properties")
@FakeJuheServerTest
class VerificationCodeServiceExampleTests {

	@Autowired
	VerificationCodeService codes;

	@Test
	void sendsAndVerifiesACode(FakeJuheServer juhe) {
		SentVerificationCode sent = this.codes.send("sign-up", "13800138000");

		String code = juhe.lastCodeSentTo("13800138000").orElseThrow();
		assertThat(sent.maskedMobile()).isEqualTo("138****8000");
		assertThat(juhe.messagesTo("13800138000")).singleElement()
			.returns(juhe.verificationCodeTemplate().id(), SentMessage::templateId)
			.returns("【聚合测试】您的验证码是" + code, SentMessage::text);
		assertThat(this.codes.verify("sign-up", "13800138000", code)).isEqualTo(VerificationResult.VERIFIED);
	}

	@Test
	void theTemplateOutlivesTheResetBeforeEachTest(FakeJuheServer juhe) {
		// Whichever test runs second meets a reset fake; the standing template is back as
		// it
		// was even after a test rejected it.
		juhe.reject(juhe.verificationCodeTemplate().id());
		juhe.reset();

		this.codes.send("login", "13900139000");

		assertThat(juhe.lastCodeSentTo("13900139000")).isPresent();
		assertThat(juhe.templates()).containsExactly(juhe.verificationCodeTemplate());
	}

}

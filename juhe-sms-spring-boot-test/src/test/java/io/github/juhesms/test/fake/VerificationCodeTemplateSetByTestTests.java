package io.github.juhesms.test.fake;

import io.github.juhesms.codes.VerificationCodeService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template id the test class sets itself wins over the fake's standing template: the
 * fake refuses an id it does not know with the document's 248604.
 */
@SpringBootTest(properties = "juhe.sms.codes.template-id = 424242")
@FakeJuheServerTest
@StarterChecksOff
class VerificationCodeTemplateSetByTestTests {

	@Autowired
	VerificationCodeService codes;

	@Test
	void theTestsOwnTemplateIdIsUsed(FakeJuheServer juhe) {
		assertThat(Thrown.errorCode(() -> this.codes.send("sign-up", "13800138000"))).isEqualTo(248604);
		assertThat(juhe.requestCount(JuheEndpoint.VERIFICATION_CODE_SEND)).isOne();
	}

}

package io.github.juhesms.test.fake;

import java.util.Map;

import io.github.juhesms.codes.VerificationCodeService;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsApiException;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter's named accounts against the fake Juhe with two accounts: each send lands
 * in the outbox of the account it chose, a template of one account is unknown to the
 * other, and the verification-code service sends with each account's standing template.
 */
@SpringBootTest
@FakeJuheServerTest(accounts = { "acme", "globex" })
class NamedAccountsFakeTests {

	@Autowired
	SmsApiClient sms;

	@Autowired
	VerificationCodeService codes;

	@Test
	void eachSendLandsInTheOutboxOfTheAccountItChose(FakeJuheServer juhe) {
		long acmeTemplate = juhe.account("acme").submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的验证码是#code#").id();
		long defaultTemplate = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的验证码是#code#").id();
		this.sms.send(SmsApiRequest.of("13812345678", acmeTemplate, Map.of("code", "1")), SendOptions.account("acme"));
		this.sms.send(SmsApiRequest.of("13812345678", defaultTemplate, Map.of("code", "2")));

		assertThat(juhe.outbox("acme")).singleElement().returns("acme", SentMessage::account);
		assertThat(juhe.outbox("globex")).isEmpty();
		assertThat(juhe.outbox(FakeJuheServer.DEFAULT_ACCOUNT)).singleElement()
			.returns("default", SentMessage::account);
		// A template is its account's: globex's key does not reach acme's.
		assertThatExceptionOfType(JuheSmsApiException.class).isThrownBy(() -> this.sms.forAccount("globex")
			.send(SmsApiRequest.of("13812345678", acmeTemplate, Map.of("code", "3"))));
		assertThat(juhe.outbox("globex")).isEmpty();
	}

	@Test
	void codesGoOutWithEachAccountsOwnTemplateAndVerifyOnlyThere(FakeJuheServer juhe) {
		this.codes.forAccount("globex").send("login", "13812345678");
		SentMessage sent = juhe.outbox("globex").get(0);
		assertThat(sent.templateId()).isEqualTo(juhe.account("globex").verificationCodeTemplate().id());
		assertThat(this.codes.verify("login", "13812345678", sent.code())).isEqualTo(VerificationResult.NO_CODE);
		assertThat(this.codes.forAccount("globex").verify("login", "13812345678", sent.code()))
			.isEqualTo(VerificationResult.VERIFIED);
	}

}

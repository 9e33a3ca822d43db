package io.github.juhesms.test.fake;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link FakeJuheServerTest} does to a {@code @SpringBootTest} context whose
 * application configures Juhe itself.
 */
@SpringBootTest(properties = { "juhe.sms.base-url=https://v.juhe.cn", "juhe.sms.key=from-the-application",
		"juhe.sms.international.key=from-the-application", "juhe.sms.retry.max-attempts=2",
		"juhe.sms.fail-fast.cooldown=5s" })
@FakeJuheServerTest
class FakeJuheServerSpringBootTests {

	@Autowired
	FakeJuheServer bean;

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Test
	void serverIsABeanAndAParameter(FakeJuheServer juhe) {
		assertThat(this.bean).isSameAs(juhe);
	}

	@Test
	void urlAndKeysOfEveryProductPointAtTheFake(FakeJuheServer juhe) {
		assertThat(this.environment.getProperty("juhe.sms.base-url")).isEqualTo(juhe.baseUrl());
		for (JuheProduct product : JuheProduct.values()) {
			assertThat(this.environment.getProperty("juhe.sms." + product.id() + ".key")).isEqualTo(juhe.key(product));
		}
		assertThat(this.context.getBeanNamesForType(InternationalSmsClient.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(FinancialSmsClient.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(VerificationCodeSmsClient.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(SmsApiClient.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(VideoSmsClient.class)).hasSize(1);
	}

	@Test
	void applicationSettingsWinOverTheTestDefaults() {
		assertThat(this.environment.getProperty("juhe.sms.fail-fast.cooldown")).isEqualTo("5s");
		assertThat(this.environment.getProperty("juhe.sms.retry.max-attempts")).isEqualTo("2");
		assertThat(this.environment.getProperty("juhe.sms.retry.initial-interval")).isEqualTo("10ms");
	}

	@Test
	void sendsGoToTheFake(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hi").id();
		juhe.failNext(JuheEndpoint.INTERNATIONAL_SEND, 2, 235700);
		InternationalSmsClient sms = this.context.getBean(InternationalSmsClient.class);

		JuheSmsException busy = Thrown.by(() -> sms.send(InternationalSmsRequest.of("44", "7700900123", templateId)));
		sms.send(InternationalSmsRequest.of("44", "7700900123", templateId));

		assertThat(busy).isInstanceOf(JuheSmsBusyException.class).returns(2, JuheSmsException::getAttempts);
		assertThat(juhe.outbox()).hasSize(1);
	}

}

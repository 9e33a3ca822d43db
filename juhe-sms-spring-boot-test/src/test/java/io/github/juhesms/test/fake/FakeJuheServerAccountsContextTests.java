package io.github.juhesms.test.fake;

import java.util.List;

import io.github.juhesms.core.JuheProduct;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code @FakeJuheServerTest(accounts = ...)} puts into a Spring test context: the
 * accounts' keys and standing templates, on the shared server. A context without the
 * starter, which does not bind {@code juhe.sms.accounts} yet.
 */
@SpringJUnitConfig
@FakeJuheServerTest(accounts = { "acme", "globex" })
class FakeJuheServerAccountsContextTests {

	@Autowired
	Environment environment;

	@Test
	void theAccountsPropertiesReachTheEnvironment(FakeJuheServer juhe) {
		assertThat(juhe.accounts()).contains("default", "acme", "globex");
		for (String account : List.of("default", "acme", "globex")) {
			for (JuheProduct product : JuheProduct.values()) {
				String property = account.equals("default") ? "juhe.sms." + product.id() + ".key"
						: "juhe.sms.accounts." + account + "." + product.id() + ".key";
				assertThat(this.environment.getProperty(property)).as(property).isEqualTo(juhe.key(account, product));
			}
		}
		assertThat(this.environment.getProperty("juhe.sms.accounts.acme.sms-api.key"))
			.isEqualTo("fake-acme-sms-api-key");
		assertThat(this.environment.getProperty("juhe.sms.accounts.globex.codes.template-id", Long.class))
			.isEqualTo(juhe.account("globex").verificationCodeTemplate().id());
		assertThat(this.environment.getProperty("juhe.sms.base-url")).isEqualTo(juhe.baseUrl());
	}

	@Test
	void aResetKeepsTheAccountsTheContextPointsAt(FakeJuheServer juhe) {
		long templateId = this.environment.getRequiredProperty("juhe.sms.accounts.acme.codes.template-id", Long.class);
		juhe.reset();

		new JuheHttp(juhe).post("acme", JuheEndpoint.VERIFICATION_CODE_SEND, "mobile", "13800138000", "tplId",
				Long.toString(templateId), "tplValue", "#code#=1234");

		assertThat(juhe.outbox("acme")).singleElement().returns("1234", SentMessage::code);
		assertThat(juhe.outbox("default")).isEmpty();
	}

	@Nested
	@TestPropertySource(properties = "juhe.sms.accounts.acme.codes.template-id=424242")
	class TemplateSetByTheTest {

		@Autowired
		Environment environment;

		@Test
		void winsOverTheAccountsStandingOne(FakeJuheServer juhe) {
			assertThat(this.environment.getProperty("juhe.sms.accounts.acme.codes.template-id")).isEqualTo("424242");
			assertThat(this.environment.getProperty("juhe.sms.accounts.globex.codes.template-id", Long.class))
				.isEqualTo(juhe.account("globex").verificationCodeTemplate().id());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Config {

	}

}

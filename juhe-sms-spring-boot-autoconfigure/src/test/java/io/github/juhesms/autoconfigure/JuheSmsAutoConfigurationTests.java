package io.github.juhesms.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
import io.github.juhesms.call.JuheHttpTransport;
import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.FinancialCampaignSettings;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.smsapi.SmsApiVariablesFormat;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;
import io.github.juhesms.template.TemplateCheckSettings;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@ExtendWith(OutputCaptureExtension.class)
class JuheSmsAutoConfigurationTests extends JuheWireMockTests {

	@Test
	void withoutAnyKeyNoProductClientExistsAndTheContextStarts() {
		contextRunner().withPropertyValues("juhe.sms.key=").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(InternationalSmsClient.class);
			assertThat(context).doesNotHaveBean(FinancialSmsClient.class);
			assertThat(context).hasSingleBean(JuheProductApiFactory.class).doesNotHaveBean(JuheHttpTransport.class);
		});
	}

	@Test
	void aProductWithoutAKeyIsSkippedBeforeTheSearchForTheApplicationsOwnClient() {
		contextRunner().withPropertyValues("juhe.sms.key=")
			.run((context) -> assertThat(
					EvaluatedConditions.of(context, JuheSmsAutoConfiguration.class, "internationalSmsClient"))
				.containsExactly("OnPropertyCondition", "OnJuheSmsKeyCondition"));
	}

	@Test
	void sharedKeyCreatesTheClient() {
		contextRunner().run((context) -> assertThat(context).hasSingleBean(InternationalSmsClient.class));
	}

	@Test
	void productKeyAloneCreatesTheClient() {
		contextRunner().withPropertyValues("juhe.sms.key=", "juhe.sms.international.key=own")
			.run((context) -> assertThat(context).hasSingleBean(InternationalSmsClient.class));
	}

	@Test
	void aNamedAccountsKeyAloneCreatesTheClientsOfItsProducts() {
		contextRunner().withPropertyValues("juhe.sms.key=", "juhe.sms.accounts.acme.international.key=own")
			.run((context) -> assertThat(context).hasSingleBean(InternationalSmsClient.class)
				.doesNotHaveBean(FinancialSmsClient.class));
		contextRunner().withPropertyValues("juhe.sms.key=", "juhe.sms.accounts.acme.key=own")
			.run((context) -> assertThat(context).hasSingleBean(InternationalSmsClient.class)
				.hasSingleBean(FinancialSmsClient.class));
	}

	@Test
	void configuredAccountsAreBoundWithTheDefaultOneFromTodaysKeys() {
		contextRunner()
			.withPropertyValues("juhe.sms.international.key=own", "juhe.sms.accounts.acme.key=acme-shared",
					"juhe.sms.accounts.acme.video.key=acme-video", "juhe.sms.accounts.acme.video.busy-codes=1,2",
					"juhe.sms.accounts.acme.codes.template-id=7", "juhe.sms.accounts.globex.sms-api.key=globex")
			.run((context) -> {
				JuheSmsAccounts accounts = context.getBean(JuheSmsAccounts.class);
				assertThat(accounts.configuredNames()).containsExactlyInAnyOrder("acme", "globex");
				assertThat(accounts.defaultAccount().key(JuheProduct.INTERNATIONAL)).isEqualTo("own");
				assertThat(accounts.defaultAccount().key(JuheProduct.VIDEO)).isEqualTo(KEY);
				JuheSmsAccount acme = accounts.find(SmsApiClient.SEND, "acme");
				assertThat(acme.key(JuheProduct.VIDEO)).isEqualTo("acme-video");
				assertThat(acme.key(JuheProduct.FINANCIAL)).isEqualTo("acme-shared");
				assertThat(acme.busyCodes(JuheProduct.VIDEO)).containsExactlyInAnyOrder(1, 2);
				assertThat(acme.busyCodes(JuheProduct.FINANCIAL)).isNull();
				assertThat(acme.codesTemplateId()).isEqualTo(7);
				assertThat(accounts.find(SmsApiClient.SEND, "globex").key(JuheProduct.VIDEO)).isNull();
			});
	}

	@Test
	void userDefinedAccountsWin() {
		JuheSmsAccounts own = JuheSmsAccounts.of(JuheSmsAccount.builder(JuheSmsAccount.DEFAULT).key("mine").build());
		contextRunner().withPropertyValues("juhe.sms.accounts.acme.key=acme")
			.withBean(JuheSmsAccounts.class, () -> own)
			.run((context) -> assertThat(context).getBean(JuheSmsAccounts.class).isSameAs(own));
	}

	@Test
	void disabledProductHasNoClientEvenWithAKey() {
		contextRunner().withPropertyValues("juhe.sms.international.enabled=false", "juhe.sms.international.key=own")
			.run((context) -> assertThat(context).doesNotHaveBean(InternationalSmsClient.class));
	}

	@Test
	void explicitlyEnabledProductWithoutKeyHasNoClient() {
		contextRunner().withPropertyValues("juhe.sms.key=", "juhe.sms.international.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(InternationalSmsClient.class));
	}

	@Test
	void productKeyBeatsSharedKey() {
		answer("/smsInternational/send", example("international.txt", 1));
		contextRunner().withPropertyValues("juhe.sms.international.key=international-own-key").run((context) -> {
			context.getBean(InternationalSmsClient.class).send(InternationalSmsRequest.of("44", "7911123456", 1));
			assertThat(onlyFormSentTo("/smsInternational/send")).contains(entry("key", "international-own-key"));
		});
	}

	@ParameterizedTest
	@CsvSource({ "verification-code, io.github.juhesms.verificationcode.VerificationCodeSmsClient",
			"sms-api, io.github.juhesms.smsapi.SmsApiClient", "video, io.github.juhesms.video.VideoSmsClient" })
	void productClientUsesTheSharedKeyAndIsAbsentWhenDisabled(String product, Class<?> client) {
		contextRunner().run((context) -> assertThat(context).hasSingleBean(client));
		contextRunner().withPropertyValues("juhe.sms." + product + ".enabled=false", "juhe.sms." + product + ".key=own")
			.run((context) -> assertThat(context).doesNotHaveBean(client));
	}

	@Test
	void verificationCodeKeyBeatsSharedKey() {
		answer("/vercodesms/optionTpl", "{\"reason\":\"success\",\"result\":[],\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.verification-code.key=vercode-own-key").run((context) -> {
			context.getBean(VerificationCodeSmsClient.class).optionTemplates();
			assertThat(onlyFormSentTo("/vercodesms/optionTpl")).containsExactly(entry("key", "vercode-own-key"));
		});
	}

	@Test
	void smsApiKeyBeatsSharedKeyAndVarsIsTheDefaultFormat() {
		answer("/sms/send", "{\"reason\":\"短信发送成功\",\"result\":{\"sid\":\"1\"},\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.sms-api.key=sms-api-own-key").run((context) -> {
			context.getBean(SmsApiClient.class).send(SmsApiRequest.of("13812345678", 1, Map.of("code", "1234")));
			assertThat(onlyFormSentTo("/sms/send")).contains(entry("key", "sms-api-own-key"),
					entry("vars", "{\"code\":\"1234\"}"));
		});
	}

	@Test
	void smsApiVariablesFormatTplValueSwitchesTheParameter() {
		answer("/sms/send", "{\"reason\":\"短信发送成功\",\"result\":{\"sid\":\"1\"},\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.sms-api.variables-format=tpl-value").run((context) -> {
			context.getBean(SmsApiClient.class).send(SmsApiRequest.of("13812345678", 1, Map.of("code", "1234")));
			assertThat(onlyFormSentTo("/sms/send")).containsEntry("tpl_value", "#code#=1234").doesNotContainKey("vars");
		});
	}

	@Test
	void videoKeyBeatsSharedKey() {
		answer("/caixinv2/myTpls", "{\"reason\":\"success\",\"result\":[],\"error_code\":0}");
		contextRunner().withPropertyValues("juhe.sms.video.key=video-own-key").run((context) -> {
			context.getBean(VideoSmsClient.class).myTemplates();
			assertThat(onlyFormSentTo("/caixinv2/myTpls")).containsExactly(entry("key", "video-own-key"));
		});
	}

	@Test
	void userDefinedClientWins() {
		contextRunner().withUserConfiguration(UserClientConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(InternationalSmsClient.class);
			assertThat(context.getBean(InternationalSmsClient.class))
				.isSameAs(context.getBean(UserClientConfiguration.class).client);
		});
	}

	@Test
	void userDefinedTransportIsUsed() {
		contextRunner().withUserConfiguration(UserTransportConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JuheHttpTransport.class);
			assertThat(context.getBean(JuheProductApiFactory.class)).extracting("services.transport")
				.isSameAs(context.getBean(UserTransportConfiguration.class).transport);
		});
	}

	@Test
	void propertiesBind() {
		contextRunner()
			.withPropertyValues("juhe.sms.connect-timeout=1500ms", "juhe.sms.read-timeout=7s",
					"juhe.sms.max-response-size=64KB", "juhe.sms.max-connections=7", "juhe.sms.retry.max-attempts=5",
					"juhe.sms.retry.initial-interval=1s", "juhe.sms.retry.multiplier=1.5",
					"juhe.sms.retry.max-interval=4s", "juhe.sms.retry.jitter=50ms",
					"juhe.sms.international.busy-codes=235700,1", "juhe.sms.video.template-check.refresh-interval=2m",
					"juhe.sms.video.template-check.recheck-interval=0s",
					"juhe.sms.financial.template-check.require-list=true", "juhe.sms.financial.campaign.concurrency=16",
					"juhe.sms.financial.campaign.max-numbers=2000000")
			.run((context) -> {
				JuheSmsProperties properties = context.getBean(JuheSmsProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(1500));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(properties.getMaxResponseSize()).isEqualTo(DataSize.ofKilobytes(64));
				assertThat(properties.getMaxConnections()).isEqualTo(7);
				assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(5);
				assertThat(properties.getRetry().getInitialInterval()).isEqualTo(Duration.ofSeconds(1));
				assertThat(properties.getRetry().getMultiplier()).isEqualTo(1.5);
				assertThat(properties.getRetry().getMaxInterval()).isEqualTo(Duration.ofSeconds(4));
				assertThat(properties.getRetry().getJitter()).isEqualTo(Duration.ofMillis(50));
				assertThat(properties.getInternational().getBusyCodes()).containsExactly(235700, 1);
				assertThat(properties.getVideo().getTemplateCheck().toSettings())
					.isEqualTo(new TemplateCheckSettings(false, Duration.ofMinutes(2), Duration.ZERO, false));
				assertThat(properties.getFinancial().getTemplateCheck().isRequireList()).isTrue();
				assertThat(properties.getFinancial().getCampaign().toSettings())
					.isEqualTo(new FinancialCampaignSettings(16, 2_000_000));
			});
	}

	@Test
	void defaultsMatchTheDocumentedOnes() {
		JuheSmsProperties properties = new JuheSmsProperties();
		assertThat(properties.getBaseUrl()).isEqualTo("https://v.juhe.cn");
		assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.getMaxConnections()).isEqualTo(20);
		assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(3);
		assertThat(properties.getRetry().getInitialInterval()).isEqualTo(Duration.ofMillis(200));
		assertThat(properties.getRetry().getMultiplier()).isEqualTo(2);
		assertThat(properties.getRetry().getMaxInterval()).isEqualTo(Duration.ofSeconds(2));
		assertThat(properties.getInternational().getBusyCodes()).containsExactly(235700, 235712);
		assertThat(properties.getInternational().isEnabled()).isTrue();
		assertThat(properties.getFinancial().getBusyCodes()).containsExactly(228807);
		assertThat(properties.getVerificationCode().getBusyCodes()).isEmpty();
		assertThat(properties.getSmsApi().getBusyCodes()).containsExactly(205403, 205409);
		assertThat(properties.getSmsApi().getVariablesFormat()).isEqualTo(SmsApiVariablesFormat.VARS);
		assertThat(properties.getVideo().getBusyCodes()).containsExactly(236300);
		assertThat(List.of(properties.getInternational(), properties.getFinancial(), properties.getVerificationCode(),
				properties.getVideo()))
			.extracting((product) -> product.getTemplateCheck().toSettings())
			.containsOnly(TemplateCheckSettings.DEFAULTS);
		assertThat(TemplateCheckSettings.DEFAULTS)
			.isEqualTo(new TemplateCheckSettings(true, Duration.ofMinutes(10), Duration.ofMinutes(1), false));
	}

	@Test
	void propertiesToStringMasksEveryKey() {
		contextRunner().withPropertyValues("juhe.sms.international.key=own-secret-key").run((context) -> {
			String text = context.getBean(JuheSmsProperties.class).toString();
			assertThat(text).doesNotContain(KEY).doesNotContain("own-secret-key").contains("key=****");
			assertThat(context.getBean(InternationalSmsClient.class).toString()).doesNotContain(KEY);
		});
	}

	@Test
	void restClientCustomizerIsApplied() {
		answer("/smsInternational/send", example("international.txt", 1));
		contextRunner()
			.withBean(JuheSmsRestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-Tenant", "acme"))
			.run((context) -> {
				context.getBean(InternationalSmsClient.class).send(InternationalSmsRequest.of("44", "7911123456", 1));
				assertThat(requestsTo("/smsInternational/send")).singleElement()
					.satisfies((request) -> assertThat(request.getHeader("X-Tenant")).isEqualTo("acme"));
			});
	}

	@Test
	void apacheHttpClientPoolsMaxConnectionsAndIsBuiltOnFirstUse() {
		answer("/smsInternational/send", example("international.txt", 1));
		java.util.concurrent.atomic.AtomicReference<Object> requestFactory = new java.util.concurrent.atomic.AtomicReference<>();
		contextRunner().withPropertyValues("juhe.sms.max-connections=9")
			.withBean(JuheSmsRestClientCustomizer.class,
					() -> (builder) -> requestFactory
						.set(org.springframework.test.util.ReflectionTestUtils.getField(builder, "requestFactory")))
			.run((context) -> {
				assertThat(requestFactory).hasNullValue();
				context.getBean(InternationalSmsClient.class).send(InternationalSmsRequest.of("44", "7911123456", 1));
				assertThat(requestFactory.get())
					.isInstanceOf(org.springframework.http.client.HttpComponentsClientHttpRequestFactory.class);
				Object pool = org.springframework.test.util.ReflectionTestUtils.getField(
						((org.springframework.http.client.HttpComponentsClientHttpRequestFactory) requestFactory.get())
							.getHttpClient(),
						"connManager");
				assertThat(pool).isInstanceOfSatisfying(
						org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager.class, (manager) -> {
							assertThat(manager.getMaxTotal()).isEqualTo(9);
							assertThat(manager.getDefaultMaxPerRoute()).isEqualTo(9);
						});
			});
	}

	@Test
	void plainHttpBaseUrlIsLoggedAsAWarning(CapturedOutput output) {
		contextRunner().withPropertyValues("juhe.sms.base-url=http://v.juhe.cn")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("WARN").contains("will travel in clear text").doesNotContain(KEY);
	}

	@Test
	void httpsAndLoopbackBaseUrlsAreNotWarnedAbout(CapturedOutput output) {
		contextRunner().withPropertyValues("juhe.sms.base-url=https://v.juhe.cn")
			.run((context) -> assertThat(context).hasNotFailed());
		contextRunner().withPropertyValues("juhe.sms.base-url=http://127.0.0.1:8080")
			.run((context) -> assertThat(context).hasNotFailed());
		contextRunner().run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("will travel in clear text");
	}

	@Test
	void financialClientWithSharedKey() {
		contextRunner().run((context) -> assertThat(context).hasSingleBean(FinancialSmsClient.class));
	}

	@Test
	void financialClientWithItsOwnKeyOnly() {
		contextRunner().withPropertyValues("juhe.sms.key=", "juhe.sms.financial.key=own")
			.run((context) -> assertThat(context).hasSingleBean(FinancialSmsClient.class));
	}

	@Test
	void disabledFinancialHasNoClientEvenWithAKey() {
		contextRunner().withPropertyValues("juhe.sms.financial.enabled=false", "juhe.sms.financial.key=own")
			.run((context) -> assertThat(context).doesNotHaveBean(FinancialSmsClient.class));
	}

	@Test
	void financialKeyBeatsSharedKey() {
		answer("/shortLetter/send.php", example("financial.txt", 1));
		contextRunner().withPropertyValues("juhe.sms.financial.key=financial-own-key").run((context) -> {
			context.getBean(FinancialSmsClient.class).send(FinancialSmsRequest.of(List.of("13800138000"), 1));
			assertThat(onlyFormSentTo("/shortLetter/send.php")).contains(entry("key", "financial-own-key"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserClientConfiguration {

		final InternationalSmsClient client = new InternationalSmsClient(null);

		@Bean
		InternationalSmsClient myInternationalSmsClient() {
			return this.client;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTransportConfiguration {

		final JuheHttpTransport transport = new JuheHttpTransport(
				org.springframework.web.client.RestClient.create("http://localhost:1"), 1024);

		@Bean
		JuheHttpTransport myTransport() {
			return this.transport;
		}

	}

}

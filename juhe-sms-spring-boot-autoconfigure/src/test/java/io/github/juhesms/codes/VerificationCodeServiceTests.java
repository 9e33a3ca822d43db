package io.github.juhesms.codes;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.store.InMemoryVerificationCodeStore;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.store.VerificationCodeStore;
import io.github.juhesms.test.JuheWireMockTests;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.juhesms.test.ProductFixture.failure;
import static io.github.juhesms.test.ProductFixture.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Verification codes: random, sent through the configured product, kept as a hash,
 * verified once within the attempts and the time to live, scoped by purpose.
 */
class VerificationCodeServiceTests extends JuheWireMockTests {

	private static final String SEND = "/vercodesms/send";

	private static final String MOBILE = "13812345678";

	private ApplicationContextRunner withCodes() {
		answer(SEND, success("{\"sid\":\"v1\"}"));
		return contextRunner().withPropertyValues("juhe.sms.codes.template-id=21");
	}

	@Test
	void sendsASixDigitCodeThatVerifiesOnce() {
		withCodes().run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			SentVerificationCode sent = codes.send("login", MOBILE);
			assertThat(sent.sid()).isEqualTo("v1");
			assertThat(sent.maskedMobile()).isEqualTo("138****5678");
			assertThat(sent.toString()).doesNotContain(lastCode());
			Map<String, String> form = onlyFormSentTo(SEND);
			assertThat(form).containsEntry("mobile", MOBILE).containsEntry("tplId", "21");
			assertThat(lastCode()).matches("[0-9]{6}");
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.VERIFIED);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.USED);
		});
	}

	@Test
	void wrongCodesCountAndVoidTheCodeAfterTheAttempts() {
		withCodes().withPropertyValues("juhe.sms.codes.max-attempts=3").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.send("login", MOBILE);
			String wrong = lastCode().equals("000000") ? "111111" : "000000";
			assertThat(codes.verify("login", MOBILE, wrong)).isEqualTo(VerificationResult.WRONG_CODE);
			assertThat(codes.verify("login", MOBILE, "abc")).isEqualTo(VerificationResult.WRONG_CODE);
			assertThat(codes.verify("login", MOBILE, wrong)).isEqualTo(VerificationResult.TOO_MANY_ATTEMPTS);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.TOO_MANY_ATTEMPTS);
		});
	}

	@Test
	void expiredUnknownAndOtherPurposesAreToldApart() {
		withCodes().withPropertyValues("juhe.sms.codes.ttl=200ms").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			assertThat(codes.verify("login", MOBILE, "123456")).isEqualTo(VerificationResult.NO_CODE);
			codes.send("login", MOBILE);
			assertThat(codes.verify("reset", MOBILE, lastCode())).isEqualTo(VerificationResult.NO_CODE);
			assertThat(codes.verify("login", "13912345678", lastCode())).isEqualTo(VerificationResult.NO_CODE);
			Thread.sleep(400);
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.EXPIRED);
			assertThat(VerificationResult.EXPIRED.isVerified()).isFalse();
		});
	}

	@Test
	void resendWithinTheCooldownIsRefusedBeforeAnyCall() {
		withCodes().run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			SentVerificationCode sent = codes.send("login", MOBILE);
			assertThatExceptionOfType(JuheSmsSendLimitException.class).isThrownBy(() -> codes.send("login", MOBILE))
				.satisfies((ex) -> assertThat(ex.getRefusals()).singleElement()
					.satisfies((refusal) -> assertThat(refusal.retryAt())
						.isBeforeOrEqualTo(sent.nextSendAllowedAt().plusMillis(50))));
			codes.send("register", MOBILE);
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void newCodeReplacesTheOldOne() {
		withCodes().withPropertyValues("juhe.sms.codes.resend-cooldown=1ms").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			codes.send("login", MOBILE);
			String first = lastCode();
			Thread.sleep(5);
			codes.send("login", MOBILE);
			String second = lastCode();
			if (!first.equals(second)) {
				assertThat(codes.verify("login", MOBILE, first)).isEqualTo(VerificationResult.WRONG_CODE);
			}
			assertThat(codes.verify("login", MOBILE, second)).isEqualTo(VerificationResult.VERIFIED);
		});
	}

	@Test
	void failedSendEndsTheCooldownSoTheUserCanAskAgain() {
		answerInTurn(SEND, failure(248607), success("{\"sid\":\"v2\"}"));
		contextRunner().withPropertyValues("juhe.sms.codes.template-id=21").run((context) -> {
			VerificationCodeService codes = context.getBean(VerificationCodeService.class);
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> codes.send("login", MOBILE));
			assertThat(codes.verify("login", MOBILE, lastCode())).isEqualTo(VerificationResult.NO_CODE);
			assertThat(codes.send("login", MOBILE).sid()).isEqualTo("v2");
		});
	}

	@Test
	void lengthMinutesAndFixedVariablesAreConfigurable() {
		withCodes()
			.withPropertyValues("juhe.sms.codes.length=4", "juhe.sms.codes.minutes-variable=m",
					"juhe.sms.codes.ttl=10m", "juhe.sms.codes.variables.app=demo")
			.run((context) -> {
				context.getBean(VerificationCodeService.class).send("login", MOBILE);
				assertThat(lastCode()).matches("[0-9]{4}");
				assertThat(onlyFormSentTo(SEND).get("tplValue")).startsWith("#app#=demo&#code#=").endsWith("&#m#=10");
			});
	}

	@Test
	void smsApiCanSendTheCodes() {
		answer("/sms/send", success("{\"count\":1,\"fee\":1,\"sid\":\"a1\"}"));
		contextRunner().withPropertyValues("juhe.sms.codes.template-id=5", "juhe.sms.codes.product=sms-api")
			.run((context) -> {
				assertThat(context.getBean(VerificationCodeService.class).send("login", MOBILE).sid()).isEqualTo("a1");
				assertThat(onlyFormSentTo("/sms/send").get("vars")).matches("\\{\"code\":\"[0-9]{6}\"}");
			});
	}

	@Test
	void storeKeepsOnlyAKeyedHash() {
		String secret = "code-store-secret-0123456789abcdef";
		VerificationCodeStore store = new InMemoryVerificationCodeStore(100, java.time.Clock.systemUTC());
		withCodes().withBean(VerificationCodeStore.class, () -> store)
			.withPropertyValues("juhe.sms.store-secret=" + secret)
			.run((context) -> {
				VerificationCodeService codes = context.getBean(VerificationCodeService.class);
				codes.send("login", MOBILE);
				StoreDigest digest = StoreDigest.of(secret);
				VerificationCodeStore.Attempt attempt = store.beginAttempt("login:" + digest.name(MOBILE), 5);
				assertThat(attempt.code()).isNotNull();
				assertThat(attempt.code().toString()).doesNotContain(lastCode()).doesNotContain(MOBILE);
				String hashed = attempt.code().salt() + "\n" + "login" + "\n" + MOBILE + "\n" + lastCode();
				assertThat(attempt.code().hash()).isEqualTo(digest.hash(hashed))
					.isNotEqualTo(java.util.HexFormat.of()
						.formatHex(java.security.MessageDigest.getInstance("SHA-256")
							.digest(hashed.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
			});
	}

	@Test
	void noTemplateIdNoService() {
		contextRunner().run((context) -> assertThat(context).doesNotHaveBean(VerificationCodeService.class));
	}

	private static String lastCode() {
		List<LoggedRequest> requests = wireMock.getAllServeEvents()
			.stream()
			.map((event) -> event.getRequest())
			.filter((request) -> request.getUrl().endsWith("/send"))
			.map(LoggedRequest.class::cast)
			.toList();
		Map<String, String> form = form(requests.get(0));
		String variables = (form.get("tplValue") != null) ? form.get("tplValue") : form.get("vars");
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("code[#\"]*[=:]\"?([0-9]+)")
			.matcher(variables);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

}

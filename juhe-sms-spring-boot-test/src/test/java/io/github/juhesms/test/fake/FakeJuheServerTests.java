package io.github.juhesms.test.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.Carrier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A {@link FakeJuheServer} started by hand: keys, properties, the test API's guards,
 * concurrency, stopping, and a server never stopped that does not keep its JVM running.
 */
class FakeJuheServerTests {

	@Test
	void acceptsTheKeysItIsBuiltWith() {
		try (FakeJuheServer juhe = FakeJuheServer.builder().key("shared").key(JuheProduct.VIDEO, "video").start()) {
			assertThat(juhe.key(JuheProduct.INTERNATIONAL)).isEqualTo("shared");
			assertThat(juhe.key(JuheProduct.VIDEO)).isEqualTo("video");
			assertThat(juhe.properties()).containsEntry("juhe.sms.base-url", juhe.baseUrl())
				.containsEntry("juhe.sms.verification-code.key", "shared")
				.containsEntry("juhe.sms.video.key", "video")
				.containsEntry("juhe.sms.codes.template-id", Long.toString(juhe.verificationCodeTemplate().id()))
				.containsEntry("juhe.sms.verification-code.template-check.recheck-interval", "0s")
				.hasSize(7 + 4);
			JuheHttp http = new JuheHttp(juhe);
			assertThat(
					http.postForm(JuheEndpoint.VIDEO_MY_TEMPLATES, Map.of("key", "shared")).get("error_code").asInt())
				.isEqualTo(10001);
			assertThat(http.postForm(JuheEndpoint.VIDEO_MY_TEMPLATES, Map.of("key", "video")).get("error_code").asInt())
				.isZero();
		}
	}

	@Test
	void templateIdsKeepRisingAcrossResetsAndServers() {
		List<Long> ids = new ArrayList<>();
		try (FakeJuheServer first = FakeJuheServer.start(); FakeJuheServer second = FakeJuheServer.start()) {
			ids.add(first.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的订单#order#已发货").id());
			first.reset();
			ids.add(first.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的订单#order#已发货").id());
			ids.add(second.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的订单#order#已发货").id());
			ids.add(first.verificationCodeTemplate().id());
			ids.add(second.submitVerificationCodeTemplate("聚合数据", 1001).id());
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates().allMatch((id) -> id >= 10_000);
	}

	@Test
	void theStandingVerificationCodeTemplateComesBackAsItWas() {
		try (FakeJuheServer juhe = FakeJuheServer.start()) {
			FakeTemplate standing = juhe.verificationCodeTemplate();
			assertThat(standing.product()).isEqualTo(JuheProduct.VERIFICATION_CODE);
			assertThat(standing.signature()).isEqualTo("聚合测试");
			assertThat(standing.templateCode()).isEqualTo(1001);
			assertThat(standing.isUsable()).isTrue();
			juhe.deleteTemplate(standing.id());
			juhe.submitVerificationCodeTemplate("聚合数据", 1001);

			juhe.reset();

			assertThat(juhe.templates()).containsExactly(standing);
			assertThat(juhe.verificationCodeTemplate()).isEqualTo(standing);
		}
	}

	@Test
	void answersWithTcpNoDelay() {
		// Without it each answer's body waits for the client's delayed ACK (about 40 ms).
		try (FakeJuheServer juhe = FakeJuheServer.start()) {
			assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
		}
	}

	@Test
	void eachProductHasADefaultKey() {
		try (FakeJuheServer juhe = FakeJuheServer.start()) {
			assertThat(juhe.key(JuheProduct.SMS_API)).isEqualTo("fake-sms-api-key");
			assertThat(juhe.baseUrl()).isEqualTo("http://127.0.0.1:" + juhe.port());
		}
	}

	@Test
	void stopsListeningWhenClosed() {
		FakeJuheServer juhe = FakeJuheServer.start();
		JuheHttp http = new JuheHttp(juhe);
		juhe.close();

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> http.post(JuheEndpoint.INTERNATIONAL_AREA_CODE))
			.withCauseInstanceOf(ConnectException.class);
	}

	@Test
	void aServerNobodyClosesLetsItsJvmEnd() throws IOException, InterruptedException {
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), StartedAndForgotten.class.getName())
			.redirectErrorStream(true)
			.start();
		try {
			assertThat(jvm.waitFor(30, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
			assertThat(new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
				.startsWith("http://127.0.0.1:");
			assertThat(jvm.exitValue()).isZero();
		}
		finally {
			jvm.destroyForcibly();
		}
	}

	@Test
	void testApiRefusesWhatItCannotDo() {
		try (FakeJuheServer juhe = FakeJuheServer.start()) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> juhe.submitTemplate(JuheProduct.VERIFICATION_CODE, "聚合数据", "您的验证码是#code#"));
			assertThatIllegalArgumentException().isThrownBy(() -> juhe.submitVerificationCodeTemplate("聚合数据", 1005));
			assertThatIllegalArgumentException().isThrownBy(() -> juhe.approve(10_000));
			assertThatIllegalArgumentException().isThrownBy(() -> juhe.failNext(JuheEndpoint.SMS_API_SEND, 0, 205409));
		}
	}

	@Test
	void carrierPrefixesAreSmallAndDisjoint() {
		Map<Carrier, List<String>> prefixes = FakeJuheServer.carrierPrefixes();

		assertThat(prefixes).containsOnlyKeys(Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM, Carrier.CHINA_TELECOM);
		assertThat(prefixes.values().stream().flatMap(List::stream)).doesNotHaveDuplicates()
			.doesNotContain("170", "171", "192");
	}

	@Test
	void concurrentSendsAreAllRecorded() throws Exception {
		try (FakeJuheServer juhe = FakeJuheServer.start()) {
			long templateId = juhe.submitTemplate(JuheProduct.SMS_API, "聚合数据", "#code#").id();
			juhe.failNext(FaultTarget.anyEndpoint(), 20, 205409);
			ExecutorService threads = Executors.newFixedThreadPool(8);
			try {
				List<Future<Integer>> answers = new ArrayList<>();
				for (int i = 0; i < 100; i++) {
					String mobile = "138" + String.format("%08d", i);
					answers.add(
							threads.submit(() -> new JuheHttp(juhe)
								.post(JuheEndpoint.SMS_API_SEND, "mobile", mobile, "tpl_id", Long.toString(templateId),
										"vars", "{\"code\":\"1234\"}")
								.get("error_code")
								.asInt()));
				}
				List<Integer> codes = new ArrayList<>();
				for (Future<Integer> answer : answers) {
					codes.add(answer.get());
				}
				assertThat(codes).filteredOn((code) -> code == 205409).hasSize(20);
			}
			finally {
				threads.shutdown();
			}
			assertThat(juhe.outbox()).hasSize(80).extracting(SentMessage::sid).doesNotHaveDuplicates();
			assertThat(juhe.requestCount(JuheEndpoint.SMS_API_SEND)).isEqualTo(100);
		}
	}

	/**
	 * Starts a server and returns from {@code main} without closing it.
	 */
	static final class StartedAndForgotten {

		public static void main(String[] args) {
			System.out.println(FakeJuheServer.start().baseUrl());
		}

	}

}

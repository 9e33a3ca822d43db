package io.github.juhesms.core;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void masksAMainlandMobile() {
		assertThat(Masking.mobile("13812341234")).isEqualTo("138****1234");
	}

	@Test
	void masksShortValuesWhole() {
		assertThat(Masking.mobile("123456")).isEqualTo("******");
	}

	@Test
	void masksListsAndShortensLongOnes() {
		assertThat(Masking.mobiles(List.of("13812341234", "13900001111"))).isEqualTo("138****1234,139****1111");
		assertThat(Masking
			.mobiles(List.of("13800000001", "13800000002", "13800000003", "13800000004", "13800000005", "13800000006")))
			.isEqualTo("138****0001,138****0002,138****0003,… (6 numbers)");
	}

	@Test
	void masksDigitRunsInText() {
		assertThat(Masking.digitRuns("mobile 13812341234 code 123456 and +447911123456"))
			.isEqualTo("mobile 138****1234 code 123456 and +447****3456");
	}

	@Test
	void removesASecretAsSentAndUrlEncodedWherever() {
		byte[] echo = "key=a+b/c&again a+b/c&encoded a%2Bb%2Fc!".getBytes(StandardCharsets.UTF_8);
		assertThat(new String(Masking.secret(echo, "a+b/c"), StandardCharsets.UTF_8))
			.isEqualTo("key=****&again ****&encoded ****!");
	}

	@Test
	void leavesBytesWithoutTheSecretAsTheyAre() {
		byte[] answer = "{\"error_code\":0}".getBytes(StandardCharsets.UTF_8);
		assertThat(Masking.secret(answer, "9fa3b2c4")).isSameAs(answer);
	}

}

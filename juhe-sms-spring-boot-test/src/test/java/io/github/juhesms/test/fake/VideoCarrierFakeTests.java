package io.github.juhesms.test.fake;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.video.VideoSmsClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With the starter's defaults, a video send to a number outside China Mobile's prefixes
 * never reaches the fake: the starter refuses it first, as it would before Juhe.
 */
@SpringBootTest
@FakeJuheServerTest
class VideoCarrierFakeTests {

	@Autowired
	VideoSmsClient sms;

	@Test
	void theStarterRefusesOtherCarriersNumbersBeforeTheFakeSeesThem(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hello").id();

		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> this.sms.send("13012345678", templateId))
			.satisfies(
					(refused) -> assertThat(refused.getRule()).startsWith("130****5678 is not a China Mobile number"));
		assertThat(juhe.requestCount(JuheEndpoint.VIDEO_SEND)).isZero();

		this.sms.send("13800138000", templateId);
		assertThat(juhe.requestCount(JuheEndpoint.VIDEO_SEND)).isEqualTo(1);
		assertThat(juhe.outbox()).singleElement().returns("13800138000", SentMessage::mobile);
	}

}

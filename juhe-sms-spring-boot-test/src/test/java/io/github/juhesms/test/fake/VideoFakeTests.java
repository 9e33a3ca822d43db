package io.github.juhesms.test.fake;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.financial.Carrier;
import io.github.juhesms.video.VideoSmsClient;
import io.github.juhesms.video.VideoSmsResult;
import io.github.juhesms.video.VideoTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The starter's Video SMS client against the fake, end to end over HTTP, with the
 * starter's own China Mobile check off so that the fake's answers show.
 */
@SpringBootTest(properties = "juhe.sms.video.china-mobile-only=false")
@FakeJuheServerTest
@StarterChecksOff
class VideoFakeTests {

	private static final String CHINA_MOBILE = "13800138000";

	@Autowired
	VideoSmsClient sms;

	@Test
	void sendsToChinaMobileNumbers(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "你好，这是视频短信测试内容").id();

		VideoSmsResult result = this.sms.send(CHINA_MOBILE, templateId);

		assertThat(juhe.outbox()).singleElement().satisfies((message) -> {
			assertThat(message.product()).isEqualTo(JuheProduct.VIDEO);
			assertThat(message.sid()).isEqualTo(result.sid());
			assertThat(message.text()).isEqualTo("【聚合数据】你好，这是视频短信测试内容");
			assertThat(message.carrier()).isEqualTo(Carrier.CHINA_MOBILE);
			assertThat(message.fee()).isEqualTo(1);
		});
	}

	@Test
	void otherCarriersNumbersAreWrongMobiles(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hello").id();

		assertThat(Thrown.by(() -> this.sms.send("13012345678", templateId))).returns(236306, (ex) -> ex.getErrorCode())
			.returns("手机号错误:目前只能发送移动号码", (ex) -> ex.getReason());
		assertThat(Thrown.errorCode(() -> this.sms.send("18912345678", templateId))).isEqualTo(236306);
		// 1349 is the satellite range, not China Mobile's.
		assertThat(Thrown.errorCode(() -> this.sms.send("13491234567", templateId))).isEqualTo(236306);
		assertThat(juhe.outbox()).isEmpty();
		assertThat(juhe.requestCount(JuheEndpoint.VIDEO_SEND)).isEqualTo(3);
	}

	@Test
	void chinaMobilesVirtualOperatorRangesAreItsNumbers(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hello").id();

		this.sms.send("17051234567", templateId);
		this.sms.send("14812345678", templateId);

		assertThat(juhe.outbox()).extracting(SentMessage::carrier)
			.containsExactly(Carrier.CHINA_MOBILE, Carrier.CHINA_MOBILE);
	}

	@Test
	void myTemplatesShowWhetherEachIsUsable(FakeJuheServer juhe) {
		long usable = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "测试模板内容").id();
		juhe.approveTemplatesImmediately(false);
		long inReview = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "还在审核").id();

		assertThat(this.sms.myTemplates()).extracting(VideoTemplate::templateId, VideoTemplate::usable)
			.containsExactly(tuple(usable, true), tuple(inReview, false));
		assertThat(this.sms.myTemplates().get(0)).satisfies((template) -> {
			assertThat(template.content()).isEqualTo("【聚合数据】测试模板内容");
			assertThat(template.materialUrl()).endsWith(usable + ".mp4");
			assertThat(template.createdAt()).isEqualTo(juhe.template(usable).createdAt());
		});
	}

	@Test
	void unknownAndUnusableTemplatesAreRefused(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long inReview = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hello").id();

		assertThat(Thrown.errorCode(() -> this.sms.send(CHINA_MOBILE, inReview))).isEqualTo(236303);
		juhe.approve(inReview);
		juhe.deleteTemplate(inReview);
		assertThat(Thrown.errorCode(() -> this.sms.send(CHINA_MOBILE, inReview))).isEqualTo(236303);
		assertThat(Thrown.errorCode(() -> this.sms.send(CHINA_MOBILE, 99))).isEqualTo(236302);
	}

	@Test
	void theDocumentsPhpAddressesAnswerToo(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hello").id();
		String key = juhe.key(JuheProduct.VIDEO);
		JuheHttp http = new JuheHttp(juhe);

		assertThat(
				http.get("/caixinv2/send.php?key=" + key + "&tplId=" + templateId + "&mobile=" + CHINA_MOBILE).body())
			.contains("\"error_code\":0");
		assertThat(http.get("/caixinv2/myTpls.php?key=" + key).body()).contains("\"tplId\":" + templateId);
		assertThat(juhe.requestCount(JuheEndpoint.VIDEO_SEND)).isEqualTo(1);
	}

	@Test
	void wrongKeyIsRefusedOnEveryEndpoint(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.VIDEO, "聚合数据", "Hello").id();
		FakeJuheContexts.runner(juhe).withPropertyValues("juhe.sms.video.key=wrong").run((context) -> {
			VideoSmsClient sms = context.getBean(VideoSmsClient.class);
			assertThat(Thrown.errorCode(() -> sms.send(CHINA_MOBILE, templateId))).isEqualTo(10001);
			assertThat(Thrown.errorCode(sms::myTemplates)).isEqualTo(10001);
		});
		assertThat(juhe.outbox()).isEmpty();
	}

}

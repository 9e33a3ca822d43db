package io.github.juhesms.test.fake;

import io.github.juhesms.video.VideoRules;

/**
 * Video SMS's "目前只能发送移动号码" as Juhe would answer it: a number outside China Mobile's
 * prefixes (the starter's {@link VideoRules#CHINA_MOBILE_PREFIXES}, so the fake and the
 * starter's default agree) is refused with 236306 "手机号错误". Of the document's codes it is
 * the one about the number; 236309 "渠道错误" is about Juhe's upstream channel, whatever the
 * number.
 */
final class VideoCarrierRule {

	static final int WRONG_MOBILE = 236306;

	private VideoCarrierRule() {
	}

	static void check(String mobile) {
		if (!VideoRules.isChinaMobile(VideoRules.CHINA_MOBILE_PREFIXES, mobile)) {
			throw JuheRejection.of(WRONG_MOBILE, "目前只能发送移动号码");
		}
	}

}

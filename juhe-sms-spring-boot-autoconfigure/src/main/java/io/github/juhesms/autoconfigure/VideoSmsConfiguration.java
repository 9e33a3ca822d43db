package io.github.juhesms.autoconfigure;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.JuheProductApiFactory;
import io.github.juhesms.video.VideoSmsClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Video SMS client, when enabled and a key resolves for it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "juhe.sms.video", name = "enabled", matchIfMissing = true)
@ConditionalOnJuheSmsKey(JuheProduct.VIDEO)
class VideoSmsConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VideoSmsClient videoSmsClient(JuheProductApiFactory factory, JuheSmsProperties properties) {
		JuheSmsProperties.Product video = properties.getVideo();
		return new VideoSmsClient(
				factory.create(JuheProduct.VIDEO, properties.resolveKey(video), video.getBusyCodes()));
	}

}

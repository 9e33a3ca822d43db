package io.github.juhesms.sample;

import java.util.List;

import io.github.juhesms.core.Masking;
import io.github.juhesms.video.VideoSmsClient;
import io.github.juhesms.video.VideoSmsResult;
import io.github.juhesms.video.VideoTemplate;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sends a video SMS, and lists the video templates.
 */
@RestController
@RequestMapping("/sms/video")
class VideoSmsController {

	private final ObjectProvider<VideoSmsClient> client;

	VideoSmsController(ObjectProvider<VideoSmsClient> client) {
		this.client = client;
	}

	@PostMapping
	VideoSmsResult send(@RequestBody SendVideo request,
			@RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) @Nullable String idempotencyKey) {
		return client().send(request.mobile(), request.templateId(), IdempotencyKeyHeader.sendOptions(idempotencyKey));
	}

	@GetMapping("/templates")
	List<VideoTemplate> templates() {
		return client().myTemplates();
	}

	private VideoSmsClient client() {
		return NotConfiguredException.requireProduct(this.client, "video");
	}

	record SendVideo(String mobile, long templateId) {

		@Override
		public String toString() {
			return "SendVideo[mobile=" + Masking.mobile(this.mobile) + ", templateId=" + this.templateId + "]";
		}

	}

}

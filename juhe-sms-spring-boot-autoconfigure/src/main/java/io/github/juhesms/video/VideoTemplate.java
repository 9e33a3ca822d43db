package io.github.juhesms.video;

import java.time.LocalDateTime;

/**
 * A video SMS template.
 *
 * @param templateId the id ({@code tplId})
 * @param materialUrl the address of the video or picture ({@code url})
 * @param content the text, signature included ({@code content})
 * @param usable whether the template can be used to send ({@code tpl_state} 1), as
 * opposed to not ({@code 0})
 * @param createdAt when the template was created, in Juhe's (China) local time
 * ({@code created_at})
 */
public record VideoTemplate(long templateId, String materialUrl, String content, boolean usable,
		LocalDateTime createdAt) {

}

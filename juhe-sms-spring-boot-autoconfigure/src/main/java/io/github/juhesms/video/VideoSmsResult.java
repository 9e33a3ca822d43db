package io.github.juhesms.video;

import io.github.juhesms.core.SendReceipt;
import org.jspecify.annotations.Nullable;

/**
 * Juhe accepted a video SMS; only an accepted send is billed.
 *
 * @param sid the message id ({@code sid}), text although the document's table says int
 */
public record VideoSmsResult(String sid) implements SendReceipt {

	/**
	 * Always {@code null}: the video answer reports no fee.
	 * @return {@code null}
	 */
	@Override
	public @Nullable Integer fee() {
		return null;
	}

}

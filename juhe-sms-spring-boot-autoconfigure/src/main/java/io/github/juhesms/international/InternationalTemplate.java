package io.github.juhesms.international;

import io.github.juhesms.core.TemplateReviewState;

/**
 * A submitted international template.
 *
 * @param templateId the id ({@code tplId})
 * @param content the content ({@code tpl})
 * @param signature the signature ({@code tpl_signature})
 * @param state the review state ({@code tpl_state})
 */
public record InternationalTemplate(long templateId, String content, String signature, TemplateReviewState state) {

	/**
	 * Whether the template can be used to send.
	 * @return {@code true} when approved
	 */
	public boolean isApproved() {
		return this.state == TemplateReviewState.APPROVED;
	}

}

package io.github.juhesms.financial;

import io.github.juhesms.core.TemplateReviewState;

/**
 * A submitted financial template.
 *
 * @param templateId the id ({@code tplId})
 * @param content the content ({@code tpl})
 * @param signature the signature ({@code tpl_signature})
 * @param state the review state ({@code tpl_state})
 * @param carrier the carrier the template is for, or all networks ({@code operation})
 */
public record FinancialTemplate(long templateId, String content, String signature, TemplateReviewState state,
		Carrier carrier) {

	/**
	 * Whether the template can be used to send.
	 * @return {@code true} when approved
	 */
	public boolean isApproved() {
		return this.state == TemplateReviewState.APPROVED;
	}

}

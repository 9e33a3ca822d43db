package io.github.juhesms.verificationcode;

import io.github.juhesms.core.TemplateReviewState;

/**
 * A submitted verification-code template.
 *
 * @param templateId the id ({@code tplId})
 * @param signature the signature ({@code signature})
 * @param content the text sent, with variables written {@code #name#} ({@code sms_tpl})
 * @param state the review state ({@code tpl_state})
 * @param valid whether the template is valid ({@code status} 1), as opposed to invalid
 * ({@code status} 0)
 * @param rules what each variable may hold ({@code des})
 */
public record VerificationCodeTemplate(long templateId, String signature, String content, TemplateReviewState state,
		boolean valid, String rules) {

	/**
	 * Whether the template can be used to send.
	 * @return {@code true} when approved and valid
	 */
	public boolean isUsable() {
		return this.state == TemplateReviewState.APPROVED && this.valid;
	}

}

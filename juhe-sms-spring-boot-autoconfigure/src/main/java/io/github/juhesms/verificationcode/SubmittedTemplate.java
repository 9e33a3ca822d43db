package io.github.juhesms.verificationcode;

/**
 * A verification-code template Juhe received for review.
 *
 * @param templateId the new template's id, to send with once approved ({@code tplId})
 */
public record SubmittedTemplate(long templateId) {

}

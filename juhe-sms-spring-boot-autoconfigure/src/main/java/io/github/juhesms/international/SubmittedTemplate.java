package io.github.juhesms.international;

/**
 * A template Juhe received for review.
 *
 * @param templateId the new template's id ({@code tplId})
 */
public record SubmittedTemplate(long templateId) {

}

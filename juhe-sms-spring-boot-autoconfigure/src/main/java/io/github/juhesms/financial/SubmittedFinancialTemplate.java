package io.github.juhesms.financial;

/**
 * A template Juhe received for review, registered for all networks and per carrier.
 *
 * @param sendContent the content as it will be sent, signature included
 * ({@code sendContent})
 * @param templateId the all-networks template id ({@code tplId})
 * @param templates the id of each carrier's template ({@code tplBatchInfo})
 */
public record SubmittedFinancialTemplate(String sendContent, long templateId, CarrierTemplates templates) {

}

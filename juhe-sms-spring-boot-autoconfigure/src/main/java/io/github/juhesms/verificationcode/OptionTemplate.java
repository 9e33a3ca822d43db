package io.github.juhesms.verificationcode;

/**
 * A ready-made verification-code text that a template can be submitted from.
 *
 * @param templateCode the code to submit a template with ({@code tplcode})
 * @param sample the text, with variables written {@code #name#} ({@code sms_tpl})
 * @param rules what each variable may hold; a send that breaks them fails ({@code des})
 */
public record OptionTemplate(int templateCode, String sample, String rules) {

}

package io.github.juhesms.test.fake;

import java.util.List;

import io.github.juhesms.core.JuheProduct;

/**
 * One account of a {@link FakeJuheServer}, as a separate Juhe subscription: its keys, the
 * messages sent with them, and templates that only its keys list and use. Obtained from
 * {@link FakeJuheServer#account(String)}; thread-safe like the server.
 */
public final class FakeJuheAccount {

	private final FakeJuhe juhe;

	private final String name;

	FakeJuheAccount(FakeJuhe juhe, String name) {
		this.juhe = juhe;
		this.name = name;
	}

	/**
	 * The account's name.
	 * @return {@code default} for the server's own keys, otherwise the name it was added
	 * with
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The key the account has for a product.
	 * @param product the product
	 * @return the key
	 */
	public String key(JuheProduct product) {
		return this.juhe.key(this.name, product);
	}

	/**
	 * The messages accepted with the account's keys since the last reset, in order.
	 * @return the messages
	 */
	public List<SentMessage> outbox() {
		return this.juhe.outbox().stream().filter((message) -> message.account().equals(this.name)).toList();
	}

	/**
	 * The account's standing verification-code template, made like the server's
	 * {@linkplain FakeJuheServer#verificationCodeTemplate() default one} and kept by
	 * {@link FakeJuheServer#reset()}.
	 * @return the template
	 */
	public FakeTemplate verificationCodeTemplate() {
		return this.juhe.verificationCodeTemplate(this.name);
	}

	/**
	 * The account's templates of every product, deleted ones included, in the order they
	 * were submitted.
	 * @return the templates
	 */
	public List<FakeTemplate> templates() {
		return this.juhe.templates(this.name);
	}

	/**
	 * Submit a template for this account, as
	 * {@link FakeJuheServer#submitTemplate(JuheProduct, String, String)} does for the
	 * default one.
	 * @param product any product but Verification-code SMS
	 * @param signature the signature, without brackets
	 * @param content the content, variables written {@code #name#}
	 * @return the template
	 */
	public FakeTemplate submitTemplate(JuheProduct product, String signature, String content) {
		return this.juhe.submitTemplate(this.name, product, signature, content);
	}

	/**
	 * Submit a verification-code template for this account from one of the document's
	 * option templates.
	 * @param signature the signature, without brackets
	 * @param templateCode the option template's {@code tplcode}, e.g. {@code 1001}
	 * @return the template
	 */
	public FakeTemplate submitVerificationCodeTemplate(String signature, int templateCode) {
		return this.juhe.submitVerificationCodeTemplate(this.name, signature, templateCode);
	}

	@Override
	public String toString() {
		return "FakeJuheAccount[" + this.name + "]";
	}

}

package io.github.juhesms.test.fake;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import org.jspecify.annotations.Nullable;

/**
 * The fake Juhe service without its HTTP layer: accounts and their keys, templates,
 * outbox and faults, and the five products' endpoints. Every method holds the instance's
 * lock, so requests and test calls see one consistent state.
 */
final class FakeJuhe {

	private static final int WRONG_KEY = 10001;

	private final Templates templates = new Templates();

	private final Outbox outbox = new Outbox();

	private final Faults faults = new Faults();

	private final FakeAccounts accounts;

	FakeJuhe(Map<JuheProduct, String> defaultKeys, Map<String, Map<JuheProduct, String>> accounts) {
		this.accounts = new FakeAccounts(defaultKeys, this.templates, this.outbox);
		accounts.forEach(this.accounts::add);
	}

	// Keys are derived from the name, so a context cached with an account's properties
	// stays valid whichever test class added the account first.
	synchronized void addAccounts(Collection<String> names) {
		for (String name : names) {
			if (!this.accounts.contains(FakeAccounts.checkName(name))) {
				this.accounts.add(name, FakeAccounts.keysOf(name));
			}
		}
	}

	synchronized List<String> accountNames() {
		return this.accounts.names();
	}

	synchronized FakeJuheAccount account(String name) {
		return new FakeJuheAccount(this, this.accounts.get(name).name());
	}

	synchronized Map<String, String> properties(Collection<String> names) {
		return this.accounts.properties(names);
	}

	synchronized String key(String account, JuheProduct product) {
		return this.accounts.get(account).key(product);
	}

	synchronized FakeTemplate verificationCodeTemplate(String account) {
		return this.accounts.get(account).verificationCodeTemplate();
	}

	/**
	 * Receive a request: log it with the account whose key it carried, take the fault
	 * aimed at it, and answer it unless the fault answers instead. A request with a key
	 * that is not its product's key of some account is answered 10001 and changes
	 * nothing.
	 * @param request the request
	 * @return the fault to apply, if any, and the answer
	 */
	synchronized Handled handle(JuheRequest request) {
		FakeAccount account = this.accounts.withKey(request.parameter("key"));
		this.outbox.received(new ReceivedRequest(request.endpoint(), (account != null) ? account.name() : null));
		Fault fault = this.faults.take(request);
		if (fault != null && fault.kind() == Fault.Kind.ERROR_CODE) {
			return new Handled(fault,
					JuheAnswer.error(fault.errorCode(), JuheRejection.documentText(fault.errorCode())));
		}
		if (fault != null && fault.kind() == Fault.Kind.HTML_ERROR_PAGE) {
			return new Handled(fault, JuheAnswer.badGatewayPage());
		}
		try {
			if (account == null || !account.key(request.endpoint().product()).equals(request.parameter("key"))) {
				throw JuheRejection.of(WRONG_KEY, null);
			}
			return new Handled(fault, account.answer(request));
		}
		catch (JuheRejection rejection) {
			return new Handled(fault, JuheAnswer.error(rejection.code(), rejection.reason()));
		}
	}

	synchronized List<SentMessage> outbox() {
		return this.outbox.messages();
	}

	synchronized List<ReceivedRequest> requests() {
		return this.outbox.requests();
	}

	synchronized void approveTemplatesImmediately(boolean approve) {
		this.templates.approveImmediately(approve);
	}

	synchronized FakeTemplate submitTemplate(String account, JuheProduct product, String signature, String content) {
		return this.accounts.get(account).submitTemplate(product, signature, content);
	}

	synchronized FakeTemplate submitVerificationCodeTemplate(String account, String signature, int templateCode) {
		return this.accounts.get(account).submitVerificationCodeTemplate(signature, templateCode);
	}

	synchronized void review(long templateId, TemplateReviewState state) {
		this.templates.setState(templateId, state);
	}

	synchronized void deleteTemplate(long templateId) {
		this.templates.delete(templateId);
	}

	synchronized List<FakeTemplate> templates(String account) {
		return this.templates.of(this.accounts.get(account).name());
	}

	synchronized FakeTemplate template(long templateId) {
		return this.templates.get(templateId);
	}

	synchronized void inject(FaultTarget target, int times, Fault fault) {
		this.faults.add(target, times, fault);
	}

	synchronized void reset() {
		this.templates.reset();
		this.outbox.reset();
		this.faults.reset();
	}

	/**
	 * A received request: the fault applied to it and the answer to write.
	 *
	 * @param fault the fault, or {@code null}
	 * @param answer the answer; for a delay or a dropped connection, the request was
	 * processed all the same
	 */
	record Handled(@Nullable Fault fault, JuheAnswer answer) {

	}

}

package io.github.juhesms.test.fake;

import java.time.LocalDateTime;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.financial.Carrier;
import org.jspecify.annotations.Nullable;

/**
 * A template as the fake server holds it: submitted over HTTP or by a test.
 *
 * @param account the account it was submitted with: {@code default} for the server's own
 * keys, otherwise the name given to {@link FakeJuheServer.Builder#account(String)}; other
 * accounts' keys neither list nor use it
 * @param id the template id ({@code tplId}), unique across products and accounts
 * @param product the product it belongs to
 * @param signature the signature, without brackets
 * @param content the content, variables written {@code #name#}
 * @param state the review state; a new template is {@link TemplateReviewState#IN_REVIEW
 * in review} unless the server approves templates immediately
 * @param deleted whether it was deleted: sending with it is refused
 * @param carrier for Financial SMS, the carrier it is registered for ({@link Carrier#ALL}
 * for all three networks); otherwise {@code null}
 * @param templateCode for Verification-code SMS, the option template it was made from
 * ({@code tplcode}); otherwise {@code null}
 * @param createdAt when it was submitted
 */
public record FakeTemplate(String account, long id, JuheProduct product, String signature, String content,
		TemplateReviewState state, boolean deleted, @Nullable Carrier carrier, @Nullable Integer templateCode,
		LocalDateTime createdAt) {

	/**
	 * Whether a send may use it: approved and not deleted.
	 * @return {@code true} when usable
	 */
	public boolean isUsable() {
		return this.state == TemplateReviewState.APPROVED && !this.deleted;
	}

	/**
	 * The content with its signature, as a message shows it.
	 * @return {@code 【signature】content}, variables not filled in
	 */
	public String text() {
		return new SmsText(this.signature, this.content).text();
	}

	// tpl_state as the documents number it.
	int stateCode() {
		return switch (this.state) {
			case NOT_REVIEWED -> 0;
			case REJECTED -> 1;
			case IN_REVIEW -> 2;
			case APPROVED -> 3;
			case UNKNOWN -> throw new IllegalStateException("Template " + this.id + " has no documented state");
		};
	}

	FakeTemplate withState(TemplateReviewState state) {
		return new FakeTemplate(this.account, this.id, this.product, this.signature, this.content, state, this.deleted,
				this.carrier, this.templateCode, this.createdAt);
	}

	FakeTemplate asDeleted() {
		return new FakeTemplate(this.account, this.id, this.product, this.signature, this.content, this.state, true,
				this.carrier, this.templateCode, this.createdAt);
	}

}

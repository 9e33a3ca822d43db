package io.github.juhesms.test.fake;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.financial.Carrier;
import org.jspecify.annotations.Nullable;

/**
 * The templates of every product and account, and whether new ones are approved at once.
 * Each account sees only its own, as separate subscriptions at Juhe do. Not thread-safe:
 * the fake calls it under its lock.
 */
final class Templates {

	// Ids in the range of the documents' examples (10005 in the international one), from
	// one sequence for the whole JVM: never handed out twice, so no test relies on one.
	private static final AtomicLong NEXT_ID = new AtomicLong(10_000);

	private final Map<Long, FakeTemplate> byId = new LinkedHashMap<>();

	// The server's own templates (each account's standing one), brought back as they
	// were by a reset.
	private final Map<Long, FakeTemplate> standing = new LinkedHashMap<>();

	private boolean approveImmediately = true;

	void approveImmediately(boolean approveImmediately) {
		this.approveImmediately = approveImmediately;
	}

	FakeTemplate add(String account, JuheProduct product, String signature, String content, @Nullable Carrier carrier,
			@Nullable Integer templateCode) {
		TemplateReviewState state = this.approveImmediately ? TemplateReviewState.APPROVED
				: TemplateReviewState.IN_REVIEW;
		return create(account, product, signature, content, state, carrier, templateCode);
	}

	FakeTemplate addStanding(String account, JuheProduct product, String signature, String content,
			@Nullable Integer templateCode) {
		FakeTemplate template = create(account, product, signature, content, TemplateReviewState.APPROVED, null,
				templateCode);
		this.standing.put(template.id(), template);
		return template;
	}

	private FakeTemplate create(String account, JuheProduct product, String signature, String content,
			TemplateReviewState state, @Nullable Carrier carrier, @Nullable Integer templateCode) {
		FakeTemplate template = new FakeTemplate(account, NEXT_ID.getAndIncrement(), product, signature, content, state,
				false, carrier, templateCode, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		this.byId.put(template.id(), template);
		return template;
	}

	/**
	 * A template of one account and product: an id of another product or account is
	 * unknown to this one, as at Juhe.
	 * @param account the account asking
	 * @param product the product asked
	 * @param id the id
	 * @return the template, or {@code null}
	 */
	@Nullable FakeTemplate find(String account, JuheProduct product, long id) {
		FakeTemplate template = this.byId.get(id);
		return (template != null && template.account().equals(account) && template.product() == product) ? template
				: null;
	}

	FakeTemplate get(long id) {
		FakeTemplate template = this.byId.get(id);
		if (template == null) {
			throw new IllegalArgumentException("The fake Juhe server has no template " + id);
		}
		return template;
	}

	void setState(long id, TemplateReviewState state) {
		this.byId.put(id, get(id).withState(state));
	}

	void delete(long id) {
		this.byId.put(id, get(id).asDeleted());
	}

	List<FakeTemplate> of(String account) {
		return this.byId.values().stream().filter((template) -> template.account().equals(account)).toList();
	}

	List<FakeTemplate> of(String account, JuheProduct product) {
		return of(account).stream().filter((template) -> template.product() == product).toList();
	}

	void reset() {
		this.byId.clear();
		this.byId.putAll(this.standing);
		this.approveImmediately = true;
	}

}

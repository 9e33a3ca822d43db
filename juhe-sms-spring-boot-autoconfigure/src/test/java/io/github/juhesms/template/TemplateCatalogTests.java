package io.github.juhesms.template;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsLocalFailureException;
import io.github.juhesms.template.TemplateCatalog.RenderedMessage;
import io.github.juhesms.template.TemplateChecks.TemplateFields;
import io.github.juhesms.test.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The template cache: a list is fetched once per account and refresh interval, a failed
 * refresh leaves the last list in use, a list never fetched lets sends out unchecked
 * (counted) unless required, and unknown ids fetch again at most once a minute.
 */
class TemplateCatalogTests {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.INTERNATIONAL, "send", "/send");

	private static final KnownTemplate HELLO = KnownTemplate.reviewed(1, "Acme", "Hello #name#",
			TemplateReviewState.APPROVED);

	private static final KnownTemplate BYE = KnownTemplate.reviewed(2, "Acme", "Bye", TemplateReviewState.APPROVED);

	private final MutableClock clock = new MutableClock();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final AtomicInteger fetches = new AtomicInteger();

	private final AtomicReference<Supplier<List<KnownTemplate>>> listing = new AtomicReference<>(() -> List.of(HELLO));

	@Test
	void aListIsFetchedOncePerAccountAndRefreshInterval() {
		TemplateCatalog catalog = catalog(
				new TemplateCheckSettings(true, Duration.ofMinutes(10), Duration.ofMinutes(1), false));
		check(catalog, "default", 1, Map.of("name", "Ann"));
		check(catalog, "acme", 1, Map.of("name", "Ann"));
		this.clock.advance(Duration.ofMinutes(9));
		check(catalog, "default", 1, Map.of("name", "Ann"));
		assertThat(this.fetches).hasValue(2);
		this.listing.set(() -> List.of(HELLO, BYE));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(check(catalog, "default", 2, Map.of())).isEqualTo(BYE);
		assertThat(this.fetches).hasValue(3);
	}

	@Test
	void aFailedRefreshLeavesTheLastListInUseAndIsTriedAgainAfterAMinute() {
		TemplateCatalog catalog = catalog(
				new TemplateCheckSettings(true, Duration.ofMinutes(10), Duration.ofMinutes(1), true));
		check(catalog, "default", 1, Map.of("name", "Ann"));
		this.listing.set(() -> {
			throw new IllegalStateException("Juhe is down");
		});
		this.clock.advance(Duration.ofMinutes(10));
		assertThat(check(catalog, "default", 1, Map.of("name", "Ann"))).isEqualTo(HELLO);
		assertThat(check(catalog, "default", 1, Map.of("name", "Ann"))).isEqualTo(HELLO);
		assertThat(this.fetches).hasValue(2);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> catalog.refresh("default"));
		assertThat(check(catalog, "default", 1, Map.of("name", "Ann"))).isEqualTo(HELLO);
		this.listing.set(() -> List.of(BYE));
		this.clock.advance(Duration.ofMinutes(1));
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> check(catalog, "default", 1, Map.of("name", "Ann")));
		assertThat(this.fetches).hasValue(4);
		assertThat(this.meters.find(TemplateChecks.UNCHECKED).counter()).isNull();
	}

	@Test
	void aListNeverFetchedLetsSendsOutUncheckedAndCountsThem() {
		this.listing.set(() -> {
			throw new IllegalStateException("Juhe is down");
		});
		TemplateCatalog catalog = catalog(TemplateCheckSettings.DEFAULTS);
		assertThat(check(catalog, "acme", 1, Map.of())).isNull();
		assertThat(check(catalog, "acme", 1, Map.of())).isNull();
		// Tried again after a minute, not on every send.
		assertThat(this.fetches).hasValue(1);
		assertThat(this.meters.get(TemplateChecks.UNCHECKED)
			.tag("product", "international")
			.tag("account", "acme")
			.counter()
			.count()).isEqualTo(2);
		this.listing.set(() -> List.of(HELLO));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(check(catalog, "acme", 1, Map.of("name", "Ann"))).isEqualTo(HELLO);
	}

	@Test
	void aRequiredListThatCannotBeFetchedRefusesTheSend() {
		this.listing.set(() -> {
			throw new IllegalStateException("Juhe is down");
		});
		TemplateCatalog catalog = catalog(
				new TemplateCheckSettings(true, Duration.ofMinutes(10), Duration.ofMinutes(1), true));
		assertThatExceptionOfType(JuheSmsLocalFailureException.class)
			.isThrownBy(() -> check(catalog, "default", 1, Map.of()))
			.withMessageContaining("the template list of account 'default' could not be fetched to check template 1, "
					+ "and juhe.sms.international.template-check.require-list is set (Juhe is down)");
		assertThat(this.meters.find(TemplateChecks.UNCHECKED).counter()).isNull();
	}

	@Test
	void anUnknownTemplateFetchesTheListAgainAtMostOnceAMinute() {
		TemplateCatalog catalog = catalog(TemplateCheckSettings.DEFAULTS);
		check(catalog, "default", 1, Map.of("name", "Ann"));
		this.listing.set(() -> List.of(HELLO, BYE));
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> check(catalog, "default", 2, Map.of()));
		assertThat(this.fetches).hasValue(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(check(catalog, "default", 2, Map.of())).isEqualTo(BYE);
		assertThat(this.fetches).hasValue(2);
	}

	@Test
	void anUnusableTemplateFetchesTheListAgainWithinTheRecheckInterval() {
		KnownTemplate inReview = KnownTemplate.reviewed(2, "Acme", "Bye", TemplateReviewState.IN_REVIEW);
		this.listing.set(() -> List.of(HELLO, inReview));
		TemplateCatalog catalog = catalog(
				new TemplateCheckSettings(true, Duration.ofMinutes(10), Duration.ZERO, false));
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(() -> check(catalog, "default", 2, Map.of()))
			.satisfies((refused) -> assertThat(refused.getRule())
				.isEqualTo("template 2 of account 'default' cannot be used to send: review state IN_REVIEW"));
		assertThat(this.fetches).hasValue(2);
		this.listing.set(() -> List.of(HELLO, BYE));
		assertThat(check(catalog, "default", 2, Map.of())).isEqualTo(BYE);
		assertThat(this.fetches).hasValue(3);
		// A usable template is not fetched again.
		check(catalog, "default", 1, Map.of("name", "Ann"));
		assertThat(this.fetches).hasValue(3);
	}

	@Test
	void aDescriptionsRulesAreRead() {
		assertThat(VariableRule.parse("#code#变量仅允许长度为4-8位的数字[]#m#允许1-3位数字"))
			.isEqualTo(Map.of("code", new VariableRule(4, 8), "m", new VariableRule(1, 3)));
		assertThat(VariableRule.parse("#code#变量仅允许长度为4-8位的数字#m#允许1-3位数字")).containsOnlyKeys("code", "m");
		assertThat(VariableRule.parse("请勿滥用")).isEmpty();
		assertThat(KnownTemplate.variablesIn("注册验证码:#code#[]有效期#m#分钟，#code#")).containsExactly("code", "m");
	}

	// The template a send was checked against, or null when it went out unchecked.
	private static @Nullable KnownTemplate check(TemplateCatalog catalog, String account, long templateId,
			Map<String, String> variables) {
		RenderedMessage message = catalog.find(SEND, account, templateId, variables, false);
		return (message != null) ? message.template() : null;
	}

	private TemplateCatalog catalog(TemplateCheckSettings settings) {
		return new TemplateChecks(settings, this.clock, this.meters).catalog(JuheProduct.INTERNATIONAL,
				new TemplateFields("tplId", "tplValue"), (account) -> {
					this.fetches.incrementAndGet();
					return this.listing.get().get();
				});
	}

}

package io.github.juhesms.test.fake;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.AnnotationConfigContextLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customizer is part of a test context's cache key: classes that ask for the same
 * accounts share a context, others do not.
 */
class FakeJuheServerContextCustomizerTests {

	private final FakeJuheServerContextCustomizerFactory factory = new FakeJuheServerContextCustomizerFactory();

	@Test
	void sameAccountsInAnyOrderMakeEqualCustomizers() {
		assertThat(customizer(AcmeAndGlobex.class)).isEqualTo(customizer(GlobexAndAcme.class))
			.hasSameHashCodeAs(customizer(GlobexAndAcme.class));
		assertThat(customizer(NoAccounts.class)).isEqualTo(customizer(AlsoNoAccounts.class))
			.hasSameHashCodeAs(customizer(AlsoNoAccounts.class));
	}

	@Test
	void otherAccountsMakeAnotherCustomizer() {
		assertThat(customizer(AcmeAndGlobex.class)).isNotEqualTo(customizer(Acme.class))
			.doesNotHaveSameHashCodeAs(customizer(Acme.class))
			.isNotEqualTo(customizer(NoAccounts.class));
		assertThat(customizer(Acme.NestedTests.class)).isEqualTo(customizer(Acme.class));
	}

	@Test
	void aContextGetsOnlyTheAccountsItsClassAskedFor() {
		SharedFakeJuheServer.get().addAccounts(List.of("initech"));
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			customizer(Acme.class).customizeContext(context, new MergedContextConfiguration(Acme.class, new String[0],
					new Class<?>[0], new String[0], new AnnotationConfigContextLoader()));

			assertThat(context.getEnvironment().getProperty("juhe.sms.accounts.acme.video.key"))
				.isEqualTo("fake-acme-video-key");
			assertThat(context.getEnvironment().containsProperty("juhe.sms.accounts.initech.video.key")).isFalse();
		}
	}

	@Test
	void aClassWithoutTheAnnotationGetsNone() {
		assertThat(this.factory.createContextCustomizer(FakeJuheServerContextCustomizerTests.class, List.of()))
			.isNull();
	}

	private ContextCustomizer customizer(Class<?> testClass) {
		ContextCustomizer customizer = this.factory.createContextCustomizer(testClass, List.of());
		assertThat(customizer).isNotNull();
		return customizer;
	}

	@FakeJuheServerTest(accounts = { "acme", "globex" })
	static class AcmeAndGlobex {

	}

	@FakeJuheServerTest(accounts = { "globex", "acme" })
	static class GlobexAndAcme {

	}

	@FakeJuheServerTest(accounts = "acme")
	static class Acme {

		class NestedTests {

		}

	}

	@FakeJuheServerTest
	static class NoAccounts {

	}

	@FakeJuheServerTest
	static class AlsoNoAccounts {

	}

}

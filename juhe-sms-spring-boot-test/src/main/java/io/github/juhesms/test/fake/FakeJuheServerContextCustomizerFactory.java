package io.github.juhesms.test.fake;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the Spring test context of a {@link FakeJuheServerTest} class (or a class nested
 * in one) at the shared {@link FakeJuheServer}. Registered in
 * {@code META-INF/spring.factories}.
 */
class FakeJuheServerContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		FakeJuheServerTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, FakeJuheServerTest.class);
		return (test != null) ? new FakeJuheServerContextCustomizer(Set.copyOf(List.of(test.accounts()))) : null;
	}

}

package io.github.juhesms.test.fake;

import java.util.List;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension behind {@link FakeJuheServerTest}: starts the shared
 * {@link FakeJuheServer} (stopped when the run ends), adds the class's accounts to it,
 * resets it before each test, and resolves {@code FakeJuheServer} parameters.
 */
public class FakeJuheServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeJuheServerExtension.class);

	/**
	 * Create the extension; JUnit does, through {@link FakeJuheServerTest}.
	 */
	public FakeJuheServerExtension() {
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		FakeJuheServer server = server(context);
		AnnotationSupport.findAnnotation(context.getRequiredTestClass(), FakeJuheServerTest.class)
			.ifPresent((test) -> server.addAccounts(List.of(test.accounts())));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeJuheServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	// The root store closes what it holds when the run ends, which stops the server.
	private static FakeJuheServer server(ExtensionContext context) {
		context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shutdown.class, (key) -> new Shutdown(), Shutdown.class);
		return SharedFakeJuheServer.get();
	}

	private static final class Shutdown implements AutoCloseable {

		@Override
		public void close() {
			SharedFakeJuheServer.stop();
		}

	}

}

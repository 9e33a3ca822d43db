package io.github.juhesms.test.fake;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link FakeJuheServer}: the server is started once (shared
 * by every test class of the run), reset before each test, and injected into test and
 * lifecycle methods that declare a {@code FakeJuheServer} parameter.
 *
 * <p>
 * With {@code @SpringBootTest} (or any Spring test context), the context also gets:
 * <ul>
 * <li>{@code juhe.sms.base-url} and every product's {@code juhe.sms.<product>.key}
 * pointing at the fake, ahead of the application's own configuration, so every product's
 * client bean is created and talks to the fake;</li>
 * <li>a {@code FakeJuheServer} bean, for {@code @Autowired};</li>
 * <li>unless the application's configuration says otherwise:
 * {@code juhe.sms.fail-fast.cooldown=0} (an injected 10001 would otherwise refuse the
 * next tests' calls for 30 seconds in the cached context), fast retries
 * ({@code juhe.sms.retry.initial-interval=10ms}, {@code max-interval=50ms},
 * {@code jitter=0}), and no per-number limits or code resend cool-down
 * ({@code juhe.sms.limits.enabled=false}, {@code juhe.sms.codes.resend-cooldown=1ms}),
 * which would otherwise carry over from one test to the next in the cached context; set
 * them to test those.</li>
 * </ul>
 *
 * <p>
 * {@link #accounts()} adds named accounts to the server (keys
 * {@code fake-<name>-<product id>-key}, see
 * {@link FakeJuheServer.Builder#account(String)}) and to the context, as
 * {@code juhe.sms.accounts.<name>.<product>.key} and
 * {@code juhe.sms.accounts.<name>.codes.template-id} of the account's standing template.
 * An account stays on the server once added, so a cached context that points at it stays
 * valid.
 *
 * <p>
 * One server serves the whole run so that Spring can cache and reuse the test contexts
 * that point at it. Its state is shared: do not run classes that use it in parallel.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FakeJuheServerExtension.class)
public @interface FakeJuheServerTest {

	/**
	 * Named accounts the test needs besides the default one, such as {@code acme} and
	 * {@code globex}: 1-64 letters, digits, {@code _} or {@code -}, starting with a
	 * letter or digit.
	 * @return the account names
	 */
	String[] accounts() default {};

}

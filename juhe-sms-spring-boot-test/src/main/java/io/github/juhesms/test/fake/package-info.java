/**
 * A fake Juhe server for tests: the five SMS products over real HTTP on a local port,
 * with stateful templates, an outbox of accepted messages and fault injection, plus a
 * JUnit 5 extension and {@code @SpringBootTest} support.
 *
 * <p>
 * Add {@code io.github.juhesms:juhe-sms-spring-boot-test} with test scope, then:
 *
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;FakeJuheServerTest
 * class SignUpTests {
 *
 * 	&#64;Autowired
 * 	VerificationCodeSmsClient sms;
 *
 * 	&#64;Test
 * 	void sendsACode(FakeJuheServer juhe) {
 * 		long templateId = juhe.submitVerificationCodeTemplate("聚合数据", 1001).id();
 * 		this.sms.send("13800138000", templateId, Map.of("code", "123456"));
 * 		assertThat(juhe.lastCodeSentTo("13800138000")).hasValue("123456");
 * 	}
 *
 * }
 * </pre>
 *
 * @see FakeJuheServerTest
 * @see FakeJuheServer
 */
@NullMarked
package io.github.juhesms.test.fake;

import org.jspecify.annotations.NullMarked;

package io.github.juhesms.test.fake;

import java.time.Duration;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FakeJuheServerTest} without Spring: one server, injected everywhere, reset
 * before each test, with the accounts the class asks for.
 */
@FakeJuheServerTest(accounts = "initech")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FakeJuheServerExtensionTests {

	private static FakeJuheServer beforeAll;

	@BeforeAll
	static void keepServer(FakeJuheServer juhe) {
		beforeAll = juhe;
	}

	@Test
	@Order(1)
	void leaveStateBehind(FakeJuheServer juhe) {
		assertThat(juhe).isSameAs(beforeAll);
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hi").id();
		new JuheHttp(juhe).post(JuheEndpoint.INTERNATIONAL_SEND, "tplId", Long.toString(templateId), "areaNum", "44",
				"mobile", "7700900123");
		juhe.approveTemplatesImmediately(false);
		juhe.failNext(FaultTarget.anyEndpoint(), 5, 235700);
		juhe.delayNext(FaultTarget.anyEndpoint(), 5, Duration.ofSeconds(5));
		assertThat(juhe.outbox()).hasSize(1);
	}

	@Test
	@Order(2)
	void eachTestStartsAfresh(FakeJuheServer juhe) {
		assertThat(juhe.outbox()).isEmpty();
		FakeTemplate standing = juhe.verificationCodeTemplate();
		assertThat(juhe.templates()).containsExactly(standing);
		assertThat(juhe.requestCount(JuheEndpoint.INTERNATIONAL_SEND)).isZero();
		FakeTemplate template = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hi");
		assertThat(template.id()).isGreaterThan(standing.id());
		assertThat(template.state()).isEqualTo(TemplateReviewState.APPROVED);
		assertThat(new JuheHttp(juhe).post(JuheEndpoint.INTERNATIONAL_MY_TEMPLATES).get("error_code").asInt()).isZero();
	}

	@Test
	@Order(3)
	void theClassesAccountsAreOnTheServer(FakeJuheServer juhe) {
		assertThat(juhe.accounts()).first().isEqualTo("default");
		assertThat(juhe.accounts()).contains("initech");
		assertThat(new JuheHttp(juhe).post("initech", JuheEndpoint.VIDEO_MY_TEMPLATES).get("error_code").asInt())
			.isZero();
		assertThat(juhe.requests()).singleElement().returns("initech", ReceivedRequest::account);
	}

	@Nested
	class NestedTests {

		@Test
		void nestedClassesShareTheServer(FakeJuheServer juhe) {
			assertThat(juhe).isSameAs(beforeAll);
			assertThat(juhe.outbox()).isEmpty();
		}

	}

}

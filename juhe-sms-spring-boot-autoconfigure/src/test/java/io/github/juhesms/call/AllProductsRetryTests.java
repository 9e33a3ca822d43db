package io.github.juhesms.call;

import java.util.stream.Stream;

import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.test.JuheWireMockTests;
import io.github.juhesms.test.ProductFixture;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.juhesms.test.ProductFixture.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every product: each of its busy codes is retried, a code that is not busy is not, and
 * its observations carry its own product name.
 */
class AllProductsRetryTests extends JuheWireMockTests {

	static Stream<Arguments> busyCodes() {
		return ProductFixture.all()
			.stream()
			.flatMap((fixture) -> fixture.busyCodes().stream().map((code) -> Arguments.of(fixture, code)));
	}

	static Stream<ProductFixture> products() {
		return ProductFixture.all().stream();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("busyCodes")
	void busyCodeIsRetried(ProductFixture fixture, int code) {
		answerInTurn(fixture.sendPath(), failure(code), fixture.sendSuccess());
		contextRunner().run((context) -> {
			fixture.send().accept(context);
			assertThat(requestsTo(fixture.sendPath())).hasSize(2);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("products")
	void codeThatIsNotBusyIsNotRetried(ProductFixture fixture) {
		answer(fixture.sendPath(), failure(fixture.rejectedCode()));
		contextRunner().run((context) -> {
			assertThatExceptionOfType(JuheSmsRejectedException.class).isThrownBy(() -> fixture.send().accept(context))
				.satisfies((ex) -> {
					assertThat(ex.getErrorCode()).isEqualTo(fixture.rejectedCode());
					assertThat(ex.getProduct()).isEqualTo(fixture.product());
				});
			assertThat(requestsTo(fixture.sendPath())).hasSize(1);
		});
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("products")
	void observationsCarryTheProductsName(ProductFixture fixture) {
		answer(fixture.sendPath(), fixture.sendSuccess());
		TestObservationRegistry registry = TestObservationRegistry.create();
		contextRunner().withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			fixture.send().accept(context);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("juhe.sms.client.requests")
				.that()
				.hasLowCardinalityKeyValue("product", fixture.product().id())
				.hasLowCardinalityKeyValue("operation", "send")
				.hasLowCardinalityKeyValue("outcome", "success");
		});
	}

}

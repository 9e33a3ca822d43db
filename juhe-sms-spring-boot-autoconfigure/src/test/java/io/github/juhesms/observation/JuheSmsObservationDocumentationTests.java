package io.github.juhesms.observation;

import java.util.Arrays;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendReceipt;
import io.micrometer.common.KeyValue;
import io.micrometer.common.docs.KeyName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation names exactly the keys the default convention writes.
 */
class JuheSmsObservationDocumentationTests {

	private final DefaultJuheSmsObservationConvention convention = new DefaultJuheSmsObservationConvention();

	@Test
	void documentedKeysAreTheKeysOfAnEndedSend() {
		JuheSmsObservationContext context = new JuheSmsObservationContext(
				JuheOperation.send(JuheProduct.VIDEO, "send", "/send"), "42");
		context.succeeded(1, new Receipt("sid-1"));
		assertThat(this.convention.getLowCardinalityKeyValues(context).stream().map(KeyValue::getKey))
			.containsExactlyInAnyOrder(
					keys(JuheSmsObservationDocumentation.CLIENT_REQUESTS.getLowCardinalityKeyNames()));
		assertThat(this.convention.getHighCardinalityKeyValues(context).stream().map(KeyValue::getKey))
			.containsExactlyInAnyOrder(
					keys(JuheSmsObservationDocumentation.CLIENT_REQUESTS.getHighCardinalityKeyNames()));
		assertThat(JuheSmsObservationDocumentation.CLIENT_REQUESTS.getDefaultConvention())
			.isEqualTo(DefaultJuheSmsObservationConvention.class);
	}

	private static String[] keys(KeyName[] names) {
		return Arrays.stream(names).map(KeyName::asString).toArray(String[]::new);
	}

	private record Receipt(String sid) implements SendReceipt {

		@Override
		public Integer fee() {
			return null;
		}

	}

}

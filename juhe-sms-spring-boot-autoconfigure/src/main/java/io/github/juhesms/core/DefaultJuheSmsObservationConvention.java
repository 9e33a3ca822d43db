package io.github.juhesms.core;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags: observation {@code juhe.sms.client.requests} with low-cardinality
 * keys {@code product}, {@code operation}, {@code outcome} and {@code error.code}, and
 * high-cardinality keys {@code juhe.sms.template.id}, {@code juhe.sms.sid} and
 * {@code juhe.sms.attempts}. Phone numbers are never keys.
 */
public class DefaultJuheSmsObservationConvention implements JuheSmsObservationConvention {

	/** Name of the observation and of the timer it records. */
	public static final String NAME = "juhe.sms.client.requests";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(JuheSmsObservationContext context) {
		return "juhe.sms " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(JuheSmsObservationContext context) {
		Integer code = context.getErrorCode();
		return KeyValues.of(KeyValue.of("product", context.getOperation().product().id()),
				KeyValue.of("operation", context.getOperation().name()),
				KeyValue.of("outcome", context.getOutcome().tagValue()),
				KeyValue.of("error.code", (code != null) ? code.toString() : "none"));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(JuheSmsObservationContext context) {
		KeyValues values = KeyValues.of("juhe.sms.attempts", Integer.toString(context.getAttempts()));
		if (context.getTemplateId() != null) {
			values = values.and("juhe.sms.template.id", context.getTemplateId());
		}
		if (context.getSid() != null) {
			values = values.and("juhe.sms.sid", context.getSid());
		}
		return values;
	}

}

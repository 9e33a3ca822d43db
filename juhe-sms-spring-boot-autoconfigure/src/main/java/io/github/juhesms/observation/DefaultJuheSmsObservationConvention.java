package io.github.juhesms.observation;

import io.github.juhesms.core.JuheOperation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and tags: observation {@code juhe.sms.client.requests} with
 * low-cardinality keys {@code product}, {@code operation}, {@code outcome} and
 * {@code error.code} (the last two once the call has ended), and high-cardinality keys
 * {@code juhe.sms.template.id}, {@code juhe.sms.sid} and {@code juhe.sms.attempts}. Phone
 * numbers are never keys.
 */
public class DefaultJuheSmsObservationConvention implements JuheSmsObservationConvention {

	/** Name of the observation and of the timer it records. */
	public static final String NAME = "juhe.sms.client.requests";

	private final Map<LowCardinality, KeyValues> lowCardinality = new ConcurrentHashMap<>();

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
		JuheSmsObservationContext.Outcome outcome = context.getOutcome();
		Integer code = context.getErrorCode();
		// The same few combinations recur on every call: built once, then shared. While
		// the call is in flight (the long-task timer of active calls) only product and
		// operation are known.
		return this.lowCardinality.computeIfAbsent(
				new LowCardinality(context.getOperation(), outcome, (code != null) ? code.toString() : "none"),
				LowCardinality::keyValues);
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

	private record LowCardinality(JuheOperation operation, JuheSmsObservationContext.@Nullable Outcome outcome,
			String code) {

		KeyValues keyValues() {
			KeyValues known = KeyValues.of(KeyValue.of("product", this.operation.product().id()),
					KeyValue.of("operation", this.operation.name()));
			return (this.outcome != null)
					? known.and(KeyValue.of("outcome", this.outcome.tagValue()), KeyValue.of("error.code", this.code))
					: known;
		}

	}

}

package io.github.juhesms.observation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.observation.JuheSmsObservationDocumentation.HighCardinalityKeyNames;
import io.github.juhesms.observation.JuheSmsObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

/**
 * The default names and tags of {@link JuheSmsObservationDocumentation#CLIENT_REQUESTS}:
 * observation {@code juhe.sms.client.requests} with its low-cardinality keys (product,
 * operation, account, and outcome and error code once the call has ended) and
 * high-cardinality keys. Phone numbers are never keys.
 */
public class DefaultJuheSmsObservationConvention implements JuheSmsObservationConvention {

	/**
	 * Create the default convention.
	 */
	public DefaultJuheSmsObservationConvention() {
	}

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
		// the call is in flight (the long-task timer of active calls) only product,
		// operation and account are known.
		return this.lowCardinality.computeIfAbsent(new LowCardinality(context.getOperation(), context.getAccount(),
				outcome, (code != null) ? code.toString() : "none"), LowCardinality::keyValues);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(JuheSmsObservationContext context) {
		// Built from one array: each KeyValues.and copies and sorts again.
		String templateId = context.getTemplateId();
		String sid = context.getSid();
		KeyValue[] values = new KeyValue[1 + ((templateId != null) ? 1 : 0) + ((sid != null) ? 1 : 0)];
		int next = 0;
		values[next++] = HighCardinalityKeyNames.ATTEMPTS.withValue(Integer.toString(context.getAttempts()));
		if (templateId != null) {
			values[next++] = HighCardinalityKeyNames.TEMPLATE_ID.withValue(templateId);
		}
		if (sid != null) {
			values[next] = HighCardinalityKeyNames.SID.withValue(sid);
		}
		return KeyValues.of(values);
	}

	private record LowCardinality(JuheOperation operation, String account,
			JuheSmsObservationContext.@Nullable Outcome outcome, String code) {

		KeyValues keyValues() {
			KeyValues known = KeyValues.of(LowCardinalityKeyNames.PRODUCT.withValue(this.operation.product().id()),
					LowCardinalityKeyNames.OPERATION.withValue(this.operation.name()),
					LowCardinalityKeyNames.ACCOUNT.withValue(this.account));
			return (this.outcome != null) ? known.and(LowCardinalityKeyNames.OUTCOME.withValue(this.outcome.tagValue()),
					LowCardinalityKeyNames.ERROR_CODE.withValue(this.code)) : known;
		}

	}

}

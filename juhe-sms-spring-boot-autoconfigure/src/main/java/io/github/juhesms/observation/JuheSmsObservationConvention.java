package io.github.juhesms.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a Juhe call. Declare a bean of this type to replace
 * {@link DefaultJuheSmsObservationConvention}.
 */
public interface JuheSmsObservationConvention extends ObservationConvention<JuheSmsObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof JuheSmsObservationContext;
	}

}

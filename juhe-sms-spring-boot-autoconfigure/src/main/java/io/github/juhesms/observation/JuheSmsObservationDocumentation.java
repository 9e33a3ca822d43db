package io.github.juhesms.observation;

import java.util.Locale;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Every observation of the starter and every key it carries. Phone numbers and keys are
 * never keys.
 */
public enum JuheSmsObservationDocumentation implements ObservationDocumentation {

	/** One call to a Juhe endpoint, spanning all its retries. */
	CLIENT_REQUESTS {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultJuheSmsObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with few values, which become meter tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The product, e.g. {@code international}. */
		PRODUCT,

		/** The operation as the document names it, e.g. {@code send}. */
		OPERATION,

		/** The account's name ({@code default} for today's keys), never its key. */
		ACCOUNT,

		/** How the call ended, once it has: {@code success}, {@code busy}, ... */
		OUTCOME,

		/** Juhe's {@code error_code}, or {@code none}, once the call has ended. */
		ERROR_CODE;

		// product, operation, account, outcome, error.code: read only when a combination
		// is first
		// seen, as the default convention keeps the key values it builds.
		@Override
		public String asString() {
			return name().toLowerCase(Locale.ROOT).replace('_', '.');
		}

	}

	/**
	 * Keys with many values, kept out of meter tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The HTTP requests made for the call, retries included. */
		ATTEMPTS("juhe.sms.attempts"),

		/** The template the call used. */
		TEMPLATE_ID("juhe.sms.template.id"),

		/** The message id Juhe returned for a send. */
		SID("juhe.sms.sid");

		private final String key;

		HighCardinalityKeyNames(String key) {
			this.key = key;
		}

		@Override
		public String asString() {
			return this.key;
		}

	}

}

package io.github.juhesms.call;

import java.util.concurrent.TimeUnit;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.core.Masking;
import io.github.juhesms.observation.JuheSmsObservationContext;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The one DEBUG line of each call, with masked numbers and never the key. Logged under
 * {@link JuheProductApi}'s name, which the README tells users to turn on.
 */
final class CallLog {

	private static final Log logger = LogFactory.getLog(JuheProductApi.class);

	private CallLog() {
	}

	static void ended(JuheCall call, JuheSmsObservationContext context, long startedNanos) {
		if (logger.isDebugEnabled()) {
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
			StringBuilder line = new StringBuilder("Juhe ").append(call.operation());
			// Only a named account is shown, so a single-account line reads as it did.
			if (!JuheSmsAccount.DEFAULT.equals(context.getAccount())) {
				line.append(" account=").append(context.getAccount());
			}
			if (!call.mobiles().isEmpty()) {
				line.append(" mobile=").append(Masking.mobiles(call.mobiles()));
			}
			if (call.templateId() != null) {
				line.append(" template=").append(call.templateId());
			}
			line.append(" outcome=").append(context.getOutcome().tagValue());
			line.append(" code=").append((context.getErrorCode() != null) ? context.getErrorCode() : "none");
			line.append(" attempts=").append(context.getAttempts());
			line.append(" duration=").append(millis).append("ms");
			logger.debug(line);
		}
	}

}

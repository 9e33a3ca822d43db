package io.github.juhesms.guard;

import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.store.SendAdmission;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A limiter that admits every number, with a warning, when its store cannot be reached
 * ({@code juhe.sms.redis.fail-open=true}): without per-number limits and spend caps.
 * Without it, sends fail closed.
 */
public class FailOpenSendLimiter implements SendLimiter {

	private static final Log logger = LogFactory.getLog(FailOpenSendLimiter.class);

	private final SendLimiter delegate;

	/**
	 * Wrap a limiter.
	 * @param delegate the limiter whose store may fail
	 */
	public FailOpenSendLimiter(SendLimiter delegate) {
		this.delegate = delegate;
	}

	@Override
	public SendAdmission admit(JuheOperation operation, String account, List<String> mobiles,
			@Nullable String templateId, int billedUnits, @Nullable String areaCode) {
		try {
			return this.delegate.admit(operation, account, mobiles, templateId, billedUnits, areaCode);
		}
		catch (JuheSmsException ex) {
			// A spend cap's refusal is an answer of the store, not its failure.
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("Send limits unavailable, sending without them (juhe.sms.redis.fail-open=true): " + ex);
			return SendAdmission.unlimited(mobiles);
		}
	}

	@Override
	public void release(SendAdmission admission) {
		try {
			this.delegate.release(admission);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not give back send permits: " + ex);
		}
	}

}

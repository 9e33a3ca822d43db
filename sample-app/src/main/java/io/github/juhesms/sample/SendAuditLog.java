package io.github.juhesms.sample;

import io.github.juhesms.core.Masking;
import io.github.juhesms.event.JuheSmsOutcomeUnknownEvent;
import io.github.juhesms.event.JuheSmsRejectedEvent;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.github.juhesms.event.JuheSmsSentEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes one audit line per send from the starter's send events. The events carry masked
 * numbers and never the key, so they can be logged as they are.
 */
@Component
class SendAuditLog {

	private static final Log logger = LogFactory.getLog(SendAuditLog.class);

	@EventListener
	void onSend(JuheSmsSendEvent event) {
		String send = event.product().id() + "." + event.operation() + " to=" + Masking.mobiles(event.maskedMobiles())
				+ " template=" + event.templateId() + " attempts=" + event.attempts();
		if (event instanceof JuheSmsSentEvent sent) {
			logger.info("SMS sent " + send + " sid=" + sent.sid() + " fee=" + sent.fee());
		}
		else if (event instanceof JuheSmsRejectedEvent rejected) {
			logger.warn("SMS not sent " + send + " category=" + rejected.category() + " code=" + rejected.errorCode()
					+ " reason=" + rejected.reason());
		}
		else if (event instanceof JuheSmsOutcomeUnknownEvent unknown) {
			// May have been delivered and billed: someone must reconcile with Juhe before
			// it is sent again.
			logger.error("SMS outcome unknown " + send + " category=" + unknown.category() + " code="
					+ unknown.errorCode() + " failure=" + unknown.failure());
		}
	}

}

package io.github.juhesms.call;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.error.JuheSmsDuplicateSendException;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.event.JuheSmsOutcomeUnknownEvent;
import io.github.juhesms.event.JuheSmsRejectedEvent;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.github.juhesms.event.JuheSmsSentEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes one {@link JuheSmsSendEvent} per send. A failing listener is logged and
 * otherwise ignored: it must never turn a delivered message into an exception the caller
 * might "fix" by sending again.
 */
final class SendEvents {

	private static final Log logger = LogFactory.getLog(SendEvents.class);

	private final @Nullable ApplicationEventPublisher publisher;

	SendEvents(@Nullable ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	void sent(JuheCall call, String account, Instant startedAt, int attempts, @Nullable SendReceipt receipt) {
		if (isSend(call)) {
			publish(new JuheSmsSentEvent(call.operation().product(), account, call.operation().name(), masked(call),
					call.templateText(), attempts, startedAt, (receipt != null) ? receipt.sid() : "",
					(receipt != null) ? receipt.fee() : null));
		}
	}

	void failed(JuheCall call, String account, Instant startedAt, JuheSmsException failure) {
		// A repeat answered from the idempotency store is not a new send.
		if (!isSend(call) || failure instanceof JuheSmsDuplicateSendException) {
			return;
		}
		if (failure.isOutcomeUnknown()) {
			Integer status = (failure instanceof JuheSmsInvalidResponseException invalid) ? invalid.getHttpStatus()
					: null;
			publish(new JuheSmsOutcomeUnknownEvent(call.operation().product(), account, call.operation().name(),
					masked(call), call.templateText(), failure.getAttempts(), startedAt, failure.getCategory(),
					failure.getErrorCode(), status, failure.getMessage()));
		}
		else {
			String reason = (failure.getReason() != null) ? failure.getReason() : failure.getMessage();
			publish(new JuheSmsRejectedEvent(call.operation().product(), account, call.operation().name(), masked(call),
					call.templateText(), failure.getAttempts(), startedAt, failure.getCategory(),
					failure.getErrorCode(), reason));
		}
	}

	private boolean isSend(JuheCall call) {
		return this.publisher != null && call.operation().kind() == JuheOperation.Kind.SEND;
	}

	private static List<String> masked(JuheCall call) {
		List<String> mobiles = call.mobiles();
		String[] masked = new String[mobiles.size()];
		for (int i = 0; i < masked.length; i++) {
			masked[i] = Masking.mobile(mobiles.get(i));
		}
		return List.of(masked);
	}

	// An event of a product client's own (a campaign's progress), published the same way.
	void other(Object event) {
		if (this.publisher != null) {
			publish(event);
		}
	}

	private void publish(Object event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of Juhe send events failed; the send's outcome is unchanged", ex);
		}
	}

}

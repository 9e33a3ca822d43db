package io.github.juhesms.guard;

import java.time.Duration;

import io.github.juhesms.store.IdempotencyStore;
import io.github.juhesms.store.StoredSend;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency store that lets sends through, with a warning, when its store cannot be
 * reached ({@code juhe.sms.redis.fail-open=true}): a repeat may then be sent again.
 * Without it, sends fail closed.
 */
public class FailOpenIdempotencyStore implements IdempotencyStore {

	private static final Log logger = LogFactory.getLog(FailOpenIdempotencyStore.class);

	private final IdempotencyStore delegate;

	/**
	 * Wrap a store.
	 * @param delegate the store that may fail
	 */
	public FailOpenIdempotencyStore(IdempotencyStore delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable StoredSend claim(String key, StoredSend claim, Duration window) {
		try {
			return this.delegate.claim(key, claim, window);
		}
		catch (RuntimeException ex) {
			logger.warn("Idempotency keys unavailable, sending without de-duplication "
					+ "(juhe.sms.redis.fail-open=true): " + ex);
			return null;
		}
	}

	@Override
	public void complete(String key, StoredSend outcome, Duration window) {
		this.delegate.complete(key, outcome, window);
	}

	@Override
	public void abandon(String key) {
		this.delegate.abandon(key);
	}

}

package io.github.juhesms.call;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The executor of every product's asynchronous sends, chosen on the first one: the
 * application's, else a pool of the starter's own of {@value #OWN_THREADS} daemon threads
 * named {@code juhe-sms-async-N}, which end after a minute without work. The pool's queue
 * needs no bound of its own, as each product's maximum in flight bounds what is queued.
 */
final class AsyncExecutor implements AutoCloseable {

	static final int OWN_THREADS = 16;

	private final Supplier<? extends @Nullable Executor> application;

	private volatile @Nullable Executor executor;

	private @Nullable ThreadPoolExecutor own;

	private boolean closed;

	AsyncExecutor(Supplier<? extends @Nullable Executor> application) {
		this.application = application;
	}

	Executor get() {
		Executor chosen = this.executor;
		if (chosen == null) {
			synchronized (this) {
				chosen = this.executor;
				if (chosen == null) {
					chosen = this.application.get();
					if (chosen == null) {
						chosen = ownExecutor();
					}
					this.executor = chosen;
				}
			}
		}
		return chosen;
	}

	// No pool is started once the factory is closed.
	private ThreadPoolExecutor ownExecutor() {
		if (this.closed) {
			throw new IllegalStateException("the Juhe SMS clients are closed");
		}
		CustomizableThreadFactory threads = new CustomizableThreadFactory("juhe-sms-async-");
		threads.setDaemon(true);
		ThreadPoolExecutor pool = new ThreadPoolExecutor(OWN_THREADS, OWN_THREADS, 1, TimeUnit.MINUTES,
				new LinkedBlockingQueue<>(), threads);
		pool.allowCoreThreadTimeOut(true);
		this.own = pool;
		return pool;
	}

	// Sends already queued still run; the starter never interrupts one.
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.own != null) {
			this.own.shutdown();
		}
	}

}

package io.github.juhesms.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInFlightLimitException;
import io.github.juhesms.error.JuheSmsLocalFailureException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * One product's asynchronous sends, shared by its account views: at most
 * {@code maxInFlight} queued or running at once, a send over it refused at once; each
 * runs on the factory's {@link AsyncExecutor} within the caller's observation.
 */
final class AsyncSends {

	private final AsyncExecutor executor;

	private final ObservationRegistry observationRegistry;

	private final int maxInFlight;

	private final Semaphore inFlight;

	AsyncSends(AsyncExecutor executor, ObservationRegistry observationRegistry, int maxInFlight) {
		this.executor = executor;
		this.observationRegistry = observationRegistry;
		this.maxInFlight = maxInFlight;
		this.inFlight = new Semaphore(maxInFlight);
	}

	<T> CompletableFuture<T> submit(JuheOperation operation, Supplier<T> send) {
		if (!this.inFlight.tryAcquire()) {
			return CompletableFuture.failedFuture(new JuheSmsInFlightLimitException(operation, this.maxInFlight));
		}
		AsyncSend<T> task = new AsyncSend<>(send, this.observationRegistry.getCurrentObservation(), this.inFlight);
		try {
			this.executor.get().execute(task);
		}
		catch (RuntimeException ex) {
			task.refused(new JuheSmsLocalFailureException(operation,
					"the executor of asynchronous sends did not take the send", ex));
		}
		return task;
	}

	/**
	 * One send, queued until the executor runs it. Cancelled before it starts, it is
	 * skipped; once started it runs to its end whatever happens to the future, since the
	 * request may already be written. It takes one permit in flight and gives it back,
	 * once, before completing, so a stage that depends on it may send again.
	 */
	static final class AsyncSend<T> extends CompletableFuture<T> implements Runnable {

		private static final int QUEUED = 0;

		private static final int RUNNING = 1;

		private static final int ENDED = 2;

		private final Supplier<T> send;

		private final @Nullable Observation parent;

		private final Semaphore inFlight;

		private final AtomicInteger state = new AtomicInteger(QUEUED);

		AsyncSend(Supplier<T> send, @Nullable Observation parent, Semaphore inFlight) {
			this.send = send;
			this.parent = parent;
			this.inFlight = inFlight;
		}

		@Override
		public void run() {
			if (!this.state.compareAndSet(QUEUED, RUNNING)) {
				return;
			}
			if (isDone()) {
				end();
				return;
			}
			T value;
			try (Observation.Scope scope = (this.parent != null) ? this.parent.openScope() : null) {
				value = this.send.get();
			}
			catch (Throwable ex) {
				end();
				completeExceptionally(ex);
				return;
			}
			end();
			complete(value);
		}

		// Never interrupts: a send under way may have written its request.
		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			if (this.state.compareAndSet(QUEUED, ENDED)) {
				this.inFlight.release();
			}
			return super.cancel(false);
		}

		void refused(RuntimeException failure) {
			if (this.state.compareAndSet(QUEUED, ENDED)) {
				this.inFlight.release();
			}
			completeExceptionally(failure);
		}

		private void end() {
			this.state.set(ENDED);
			this.inFlight.release();
		}

	}

}

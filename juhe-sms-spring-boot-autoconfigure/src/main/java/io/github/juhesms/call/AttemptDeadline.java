package io.github.juhesms.call;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The deadline of one HTTP attempt, from the request's creation to the last byte of the
 * answer: the HTTP libraries' timeouts bound each connect and each read, so an answer
 * trickling in byte by byte, or a server that never reads the form, would hold a call for
 * good. When the deadline passes the exchange is broken off: by the abort an HTTP library
 * registered through {@link #onExpiry(Runnable)} on the calling thread while the attempt
 * runs (Apache HttpClient's cancel, {@code HttpURLConnection}'s disconnect), else by
 * interrupting the calling thread (the JDK {@code HttpClient}, whose blocking calls
 * answer an interrupt), and the transport checks it between reads of the body.
 */
public final class AttemptDeadline {

	private static final ThreadLocal<AttemptDeadline> CURRENT = new ThreadLocal<>();

	private static final int RUNNING = 0;

	private static final int ENDED = 1;

	private static final int EXPIRED = 2;

	private final Thread caller = Thread.currentThread();

	private final Duration timeout;

	private final AtomicInteger state = new AtomicInteger(RUNNING);

	private volatile @Nullable Runnable abort;

	private volatile boolean handedOver;

	private final ScheduledFuture<?> expiry;

	private AttemptDeadline(Duration timeout) {
		this.timeout = timeout;
		this.expiry = Timer.INSTANCE.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
	}

	static AttemptDeadline start(Duration timeout) {
		AttemptDeadline deadline = new AttemptDeadline(timeout);
		CURRENT.set(deadline);
		return deadline;
	}

	/**
	 * Register how the HTTP library breaks off the exchange of the attempt running on
	 * this thread, if any; called by the library's hooks as the request is made.
	 * @param abort closes the exchange's connection; may be called from another thread
	 */
	public static void onExpiry(Runnable abort) {
		AttemptDeadline deadline = CURRENT.get();
		if (deadline != null) {
			deadline.abort = abort;
		}
	}

	// Called by the innermost request interceptor, just before the HTTP library runs.
	static void handOver() {
		AttemptDeadline deadline = CURRENT.get();
		if (deadline != null) {
			deadline.handedOver = true;
		}
	}

	/**
	 * Whether the request reached the HTTP library; before that no byte can have left the
	 * process.
	 * @return {@code true} once the innermost interceptor ran
	 */
	boolean handedOver() {
		return this.handedOver;
	}

	/**
	 * Whether the deadline has passed.
	 * @return {@code true} once the exchange was broken off
	 */
	boolean expired() {
		return this.state.get() == EXPIRED;
	}

	Duration timeout() {
		return this.timeout;
	}

	private void expire() {
		synchronized (this) {
			if (!this.state.compareAndSet(RUNNING, EXPIRED)) {
				return;
			}
			Runnable abort = this.abort;
			if (abort != null) {
				// HttpURLConnection's disconnect waits for a read in progress: it must
				// not
				// hold up every other attempt's deadline.
				Thread aborting = new Thread(() -> abortQuietly(abort), "juhe-sms-attempt-abort");
				aborting.setDaemon(true);
				aborting.start();
			}
			else {
				this.caller.interrupt();
			}
		}
	}

	/**
	 * Close the exchange's connection now, on the calling thread, where the HTTP library
	 * registered how: an answer given up part-way must not leave a connection that a
	 * library would drain in the background and pool again.
	 * @return whether the library had registered an abort
	 */
	boolean abortExchange() {
		Runnable abort = this.abort;
		if (abort != null) {
			abortQuietly(abort);
		}
		return abort != null;
	}

	private static void abortQuietly(Runnable abort) {
		try {
			abort.run();
		}
		catch (RuntimeException ex) {
			// The connection is being closed either way.
		}
	}

	/**
	 * End the attempt on its thread: no abort may follow, and an interrupt the deadline
	 * made is cleared so it does not cut a later wait short (the retry's back-off).
	 */
	void end() {
		CURRENT.remove();
		this.expiry.cancel(false);
		if (!this.state.compareAndSet(RUNNING, ENDED)) {
			// Wait for the expiry to finish, so its interrupt cannot land later.
			synchronized (this) {
				if (this.abort == null) {
					Thread.interrupted();
				}
			}
		}
	}

	// One daemon thread for every attempt's deadline: scheduling and cancelling cost
	// little, and nothing runs unless a deadline passes.
	private static final class Timer {

		static final ScheduledThreadPoolExecutor INSTANCE = create();

		private static ScheduledThreadPoolExecutor create() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "juhe-sms-attempt-deadline");
				thread.setDaemon(true);
				return thread;
			});
			executor.setRemoveOnCancelPolicy(true);
			return executor;
		}

	}

}

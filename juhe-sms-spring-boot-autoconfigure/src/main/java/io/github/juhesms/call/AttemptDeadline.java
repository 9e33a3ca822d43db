package io.github.juhesms.call;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

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

	// Set only by the starter's own HTTP client hooks, which run where the library
	// takes the request.
	private boolean libraryReached;

	private final long deadline;

	private AttemptDeadline(Duration timeout) {
		this.timeout = timeout;
		this.deadline = System.nanoTime() + timeout.toNanos();
		Watch.INSTANCE.add(this);
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
	 * Mark the attempt running on this thread, if any, as taken by the HTTP library:
	 * called by the hooks the starter installs in the HTTP clients it builds, where the
	 * library takes the request and before any byte of it can leave the process.
	 */
	public static void libraryReached() {
		AttemptDeadline deadline = CURRENT.get();
		if (deadline != null) {
			deadline.libraryReached = true;
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
	 * Whether one of the starter's own HTTP client hooks saw this attempt.
	 * @return {@code true} once {@link #libraryReached()} ran on the attempt's thread
	 */
	boolean reachedByHook() {
		return this.libraryReached;
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
				// not hold up every other attempt's deadline.
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
		if (!this.state.compareAndSet(RUNNING, ENDED)) {
			// Wait for the expiry to finish, so its interrupt cannot land later.
			synchronized (this) {
				if (this.abort == null) {
					Thread.interrupted();
				}
			}
		}
	}

	// Whether the watch should break this attempt off now, and forget it.
	private boolean due(long now) {
		if (this.state.get() != RUNNING) {
			return true;
		}
		if (now - this.deadline >= 0) {
			expire();
			return true;
		}
		return false;
	}

	/**
	 * One daemon thread looks over the running attempts every 10 ms, the precision of
	 * every deadline. A timer task per attempt woke the timer thread on nearly every call
	 * (the new task was the head of an otherwise empty queue), which cost more CPU than
	 * the rest of the starter's own work; here starting an attempt is one lock-free
	 * enqueue and ending it one write, and the thread parks while nothing runs.
	 */
	private static final class Watch implements Runnable {

		static final Watch INSTANCE = new Watch();

		private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

		private final ConcurrentLinkedQueue<AttemptDeadline> running = new ConcurrentLinkedQueue<>();

		private final Thread thread;

		private volatile boolean parked;

		private Watch() {
			this.thread = new Thread(this, "juhe-sms-attempt-deadline");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void add(AttemptDeadline deadline) {
			this.running.add(deadline);
			if (this.parked) {
				LockSupport.unpark(this.thread);
			}
		}

		@Override
		public void run() {
			while (true) {
				if (this.running.isEmpty()) {
					this.parked = true;
					// Checked again after the flag is up: an attempt added in between
					// either saw the flag (and unparks) or is seen here.
					if (this.running.isEmpty()) {
						LockSupport.park(this);
					}
					this.parked = false;
					continue;
				}
				LockSupport.parkNanos(this, TICK_NANOS);
				long now = System.nanoTime();
				for (Iterator<AttemptDeadline> attempts = this.running.iterator(); attempts.hasNext();) {
					if (dueQuietly(attempts.next(), now)) {
						attempts.remove();
					}
				}
			}
		}

		// One attempt's failing abort must not end the watch over all the others.
		private static boolean dueQuietly(AttemptDeadline deadline, long now) {
			try {
				return deadline.due(now);
			}
			catch (RuntimeException ex) {
				return true;
			}
		}

	}

}

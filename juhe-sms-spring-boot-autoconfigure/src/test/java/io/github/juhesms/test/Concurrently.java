package io.github.juhesms.test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Makes many calls at once from 16 threads, all released together, for the tests that
 * show a limit, a cap or a code holds exactly under concurrency.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Make the calls and collect what each returned.
	 * @param calls how many calls
	 * @param call the call, given its index
	 * @return each call's result, in index order
	 * @throws Exception if a call threw
	 */
	public static List<Object> run(int calls, Call call) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Object>> futures = new ArrayList<>();
		for (int i = 0; i < calls; i++) {
			int index = i;
			futures.add(threads.submit(() -> {
				start.await();
				return call.make(index);
			}));
		}
		start.countDown();
		List<Object> outcomes = new ArrayList<>();
		for (Future<Object> future : futures) {
			outcomes.add(future.get());
		}
		threads.shutdown();
		return outcomes;
	}

	/**
	 * One of the calls.
	 */
	@FunctionalInterface
	public interface Call {

		/**
		 * Make the call.
		 * @param index the call's index
		 * @return what it returned, or the exception it caught
		 * @throws Exception if it failed
		 */
		Object make(int index) throws Exception;

	}

}

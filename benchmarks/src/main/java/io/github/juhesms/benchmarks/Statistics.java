package io.github.juhesms.benchmarks;

import java.util.List;

/**
 * Medians and the order-statistic interval of a median, for figures too noisy for a mean,
 * and the time one call takes.
 */
final class Statistics {

	private Statistics() {
	}

	/**
	 * The nanoseconds one call takes, called over and over for a while on this thread.
	 * @param call the call
	 * @param millis how long to call it
	 * @return the mean nanoseconds per call
	 */
	static double nanosPerCall(Runnable call, long millis) {
		long calls = 0;
		long started = System.nanoTime();
		long until = started + millis * 1_000_000L;
		long now;
		do {
			call.run();
			calls++;
			now = System.nanoTime();
		}
		while (now < until);
		return (double) (now - started) / calls;
	}

	static double median(List<Double> values) {
		return quantile(values, 0.5);
	}

	/**
	 * A quantile of the values, by sorting.
	 * @param values the values
	 * @param q the quantile, 0-1
	 * @return the value at that quantile
	 */
	static double quantile(List<Double> values, double q) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
	}

	/**
	 * An approximately 95% interval of the median: the order statistics n/2 ± 0.98·√n.
	 * @param values the values
	 * @return the lower and upper bound
	 */
	static double[] medianInterval(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		int n = sorted.length;
		int spread = (int) Math.ceil(0.98 * Math.sqrt(n));
		return new double[] { sorted[Math.max(0, n / 2 - spread)], sorted[Math.min(n - 1, n / 2 + spread)] };
	}

}

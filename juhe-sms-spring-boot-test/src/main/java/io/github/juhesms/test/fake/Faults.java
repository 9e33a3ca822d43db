package io.github.juhesms.test.fake;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Injected faults, each for a number of requests, applied in the order they were
 * injected. Not thread-safe: the fake calls it under its lock.
 */
final class Faults {

	private final List<Pending> pending = new ArrayList<>();

	void add(FaultTarget target, int times, Fault fault) {
		if (times < 1) {
			throw new IllegalArgumentException("A fault applies to 1 or more requests, not " + times);
		}
		this.pending.add(new Pending(target, fault, times));
	}

	/**
	 * Take the first fault that hits a request, using up one of its times.
	 * @param request the request
	 * @return the fault, or {@code null} to answer normally
	 */
	@Nullable Fault take(JuheRequest request) {
		List<String> mobiles = request.mobiles();
		for (Iterator<Pending> iterator = this.pending.iterator(); iterator.hasNext();) {
			Pending candidate = iterator.next();
			if (candidate.target.matches(request.endpoint(), mobiles)) {
				if (--candidate.remaining == 0) {
					iterator.remove();
				}
				return candidate.fault;
			}
		}
		return null;
	}

	void reset() {
		this.pending.clear();
	}

	private static final class Pending {

		private final FaultTarget target;

		private final Fault fault;

		private int remaining;

		Pending(FaultTarget target, Fault fault, int remaining) {
			this.target = target;
			this.fault = fault;
			this.remaining = remaining;
		}

	}

}

package io.github.juhesms.benchmarks;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends through one client with idle gaps around the stub's keep-alive timeout, so that
 * the server closes a pooled connection about when the client picks it up again. Prints
 * {@code <failed sends> <sends>}: each failure is a POST whose answer was lost on a stale
 * connection, which the starter must report as "outcome unknown" rather than resend.
 */
public final class StaleConnectionProbe {

	private StaleConnectionProbe() {
	}

	/**
	 * Probe one client.
	 * @param args client name, stub URL, sends, shortest and longest gap in milliseconds
	 * @throws Exception if the client cannot be created
	 */
	public static void main(String[] args) throws Exception {
		int sends = Integer.parseInt(args[2]);
		int minGap = Integer.parseInt(args[3]);
		int maxGap = Integer.parseInt(args[4]);
		int failed = 0;
		try (SendClient client = SendClient.create(args[0], args[1])) {
			for (int i = 0; i < sends; i++) {
				Thread.sleep(ThreadLocalRandom.current().nextInt(minGap, maxGap + 1));
				try {
					client.send();
				}
				catch (Exception ex) {
					failed++;
				}
			}
		}
		System.out.println(failed + " " + sends);
		System.exit(0);
	}

}

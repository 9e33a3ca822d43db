package io.github.juhesms.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Counts what a reliability suite tried and saw (cases per HTTP client, lost and
 * duplicated sends), and writes the counts to
 * {@code target/reliability-figures/<suite>.txt} for {@code docs/reliability.md}.
 */
final class ReliabilityFigures {

	private static final Path DIRECTORY = Path.of("target", "reliability-figures");

	private final String suite;

	private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

	ReliabilityFigures(String suite) {
		this.suite = suite;
	}

	void count(String name) {
		add(name, 1);
	}

	void add(String name, long amount) {
		this.counts.computeIfAbsent(name, (key) -> new AtomicLong()).addAndGet(amount);
	}

	long get(String name) {
		AtomicLong count = this.counts.get(name);
		return (count != null) ? count.get() : 0;
	}

	void write() {
		String text = new TreeMap<>(this.counts).entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " = " + entry.getValue())
			.collect(Collectors.joining("\n", "", "\n"));
		try {
			Files.createDirectories(DIRECTORY);
			Files.writeString(DIRECTORY.resolve(this.suite + ".txt"), text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

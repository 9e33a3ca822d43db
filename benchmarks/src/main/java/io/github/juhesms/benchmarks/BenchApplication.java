package io.github.juhesms.benchmarks;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal application, configured as a user would configure one.
 */
@SpringBootApplication
public class BenchApplication {

}

package io.github.juhesms.benchmarks;

/**
 * What every client reads from a send's answer.
 *
 * @param sid the message id
 * @param fee the billed units
 */
record Receipt(String sid, int fee) {

}

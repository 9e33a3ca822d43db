package io.github.juhesms.store;

import java.time.Instant;

/**
 * A sent code as a store keeps it: never the code itself, only a salted hash.
 *
 * @param salt random salt of the hash
 * @param hash SHA-256 of salt, purpose, number and code, hex
 * @param expiresAt when the code stops being valid, on the store's clock
 * @param attempts verifications tried so far
 * @param used whether the code was verified
 */
public record StoredCode(String salt, String hash, Instant expiresAt, int attempts, boolean used) {

}

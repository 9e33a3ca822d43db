package io.github.juhesms.codes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.juhesms.call.JuheValidation;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.core.VerificationResult;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsSendLimitException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException;
import io.github.juhesms.error.JuheSmsStoreUnavailableException.Store;
import io.github.juhesms.store.SendLimitRefusal;
import io.github.juhesms.store.SendLimitRule;
import io.github.juhesms.store.StoredCode;
import io.github.juhesms.store.StoreDigest;
import io.github.juhesms.store.VerificationCodeStore;

/**
 * Verification codes for sign-in, sign-up and resets. {@link #send} makes a random code,
 * sends it and keeps only a salted hash; {@link #verify} checks a code once, in constant
 * time, within a number of attempts. Codes are scoped by purpose, so a login code does
 * not unlock a reset.
 */
public class VerificationCodeService {

	private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	// Kept past expiry so an expired or used code is told apart from none; a day bounds
	// the storage.
	private static final Duration RETENTION_AFTER_EXPIRY = Duration.ofDays(1);

	private final SecureRandom random = new SecureRandom();

	private final VerificationCodeSender sender;

	private final VerificationCodeStore store;

	private final VerificationCodeSettings settings;

	private final Clock clock;

	private final StoreDigest digest;

	// The starter's own check, named in its exceptions; never a request to Juhe.
	private final JuheOperation verify;

	/**
	 * Create the service.
	 * @param sender sends the code's message
	 * @param store keeps the hashes and cool-downs
	 * @param settings length, validity, cool-down, attempts and template variables
	 * @param clock the clock of the cool-down times reported (a code's validity is on the
	 * store's clock)
	 * @param digest the keyed digest that stands for each number in the store and hashes
	 * the codes, so a reader of the store can recover neither
	 */
	public VerificationCodeService(VerificationCodeSender sender, VerificationCodeStore store,
			VerificationCodeSettings settings, Clock clock, StoreDigest digest) {
		this.sender = sender;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.digest = digest;
		this.verify = JuheOperation.query(sender.operation().product(), "verify", "/");
	}

	/**
	 * Send a new code for a purpose to a number, replacing any earlier code of the two.
	 * @param purpose what the code unlocks, e.g. {@code login}, {@code register},
	 * {@code reset}
	 * @param mobile the mainland number
	 * @return when the code expires and when a new one may be sent
	 * @throws JuheSmsSendLimitException if the resend cool-down or a send limit refuses
	 * the send
	 * @throws JuheSmsException if the send failed; an unknown outcome keeps the code
	 * valid, since it may have arrived
	 */
	public SentVerificationCode send(String purpose, String mobile) {
		JuheOperation operation = this.sender.operation();
		String key = key(operation, purpose, mobile);
		Instant now = this.clock.instant();
		Duration left = JuheSmsStoreUnavailableException.requireStore(operation, Store.VERIFICATION_CODES,
				() -> this.store.startCooldown(key, this.settings.resendCooldown()));
		if (left != null) {
			throw new JuheSmsSendLimitException(operation, List.of(new SendLimitRefusal(mobile,
					new SendLimitRule(1, this.settings.resendCooldown()), now.plus(left))));
		}
		String code = newCode();
		String salt = newSalt();
		String hash = hash(salt, purpose, mobile, code);
		SendReceipt receipt;
		try {
			receipt = this.sender.send(mobile, variables(code));
		}
		catch (JuheSmsException ex) {
			if (ex.isOutcomeUnknown()) {
				keep(operation, key, salt, hash);
			}
			else {
				JuheSmsStoreUnavailableException.requireStore(operation, Store.VERIFICATION_CODES, () -> {
					this.store.clearCooldown(key);
					return null;
				});
			}
			throw ex;
		}
		return new SentVerificationCode(purpose, Masking.mobile(mobile), receipt.sid(),
				keep(operation, key, salt, hash), now.plus(this.settings.resendCooldown()));
	}

	/**
	 * Check a code. A right code is used up; each check counts as an attempt.
	 * @param purpose what the code unlocks
	 * @param mobile the mainland number
	 * @param code the code the user typed
	 * @return the result: tell the end user only whether it
	 * {@link VerificationResult#isVerified() verified}
	 */
	public VerificationResult verify(String purpose, String mobile, String code) {
		JuheOperation operation = this.verify;
		String key = key(operation, purpose, mobile);
		VerificationCodeStore.Attempt attempt = JuheSmsStoreUnavailableException.requireStore(operation,
				Store.VERIFICATION_CODES, () -> this.store.beginAttempt(key, this.settings.maxAttempts()));
		if (attempt.result() != null) {
			return attempt.result();
		}
		StoredCode stored = attempt.code();
		byte[] expected = stored.hash().getBytes(StandardCharsets.US_ASCII);
		byte[] actual = hash(stored.salt(), purpose, mobile, (code != null) ? code : "")
			.getBytes(StandardCharsets.US_ASCII);
		if (MessageDigest.isEqual(expected, actual)) {
			boolean consumed = JuheSmsStoreUnavailableException.requireStore(operation, Store.VERIFICATION_CODES,
					() -> this.store.consume(key, stored.salt()));
			return consumed ? VerificationResult.VERIFIED : VerificationResult.USED;
		}
		return attempt.lastAttempt() ? VerificationResult.TOO_MANY_ATTEMPTS : VerificationResult.WRONG_CODE;
	}

	private String key(JuheOperation operation, String purpose, String mobile) {
		if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
			throw new JuheSmsInvalidRequestException(operation, "purpose",
					"must be 1-32 letters, digits, '_', '.' or '-'");
		}
		JuheValidation.requireMainlandMobile(operation, "mobile", mobile);
		return purpose + ":" + this.digest.name(mobile);
	}

	private String newCode() {
		StringBuilder code = new StringBuilder(this.settings.length());
		for (int i = 0; i < this.settings.length(); i++) {
			code.append(this.random.nextInt(10));
		}
		return code.toString();
	}

	private Map<String, String> variables(String code) {
		Map<String, String> variables = new LinkedHashMap<>(this.settings.variables());
		variables.put(this.settings.codeVariable(), code);
		if (this.settings.minutesVariable() != null) {
			variables.put(this.settings.minutesVariable(), Long.toString(this.settings.ttl().toMinutes()));
		}
		return variables;
	}

	private String newSalt() {
		byte[] salt = new byte[16];
		this.random.nextBytes(salt);
		return HexFormat.of().formatHex(salt);
	}

	// The validity starts when the store keeps the code, on the store's clock.
	private Instant keep(JuheOperation operation, String key, String salt, String hash) {
		return JuheSmsStoreUnavailableException.requireStore(operation, Store.VERIFICATION_CODES, () -> this.store
			.save(key, salt, hash, this.settings.ttl(), this.settings.ttl().plus(RETENTION_AFTER_EXPIRY)));
	}

	// Keyed: with a million codes, an unkeyed hash and its salt are reversed in a second.
	private String hash(String salt, String purpose, String mobile, String code) {
		return this.digest.hash(salt + "\n" + purpose + "\n" + mobile + "\n" + code);
	}

}

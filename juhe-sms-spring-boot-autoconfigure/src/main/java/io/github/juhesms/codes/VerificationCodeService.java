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

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.account.JuheSmsAccounts;
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

import org.springframework.util.Assert;

/**
 * Verification codes for sign-in, sign-up and resets. {@link #send} makes a random code,
 * sends it and keeps only a salted hash; {@link #verify} checks a code once, in constant
 * time, within a number of attempts. Codes are scoped by purpose, so a login code does
 * not unlock a reset. With several accounts, codes are sent with the account the call
 * chooses ({@link #forAccount}, else the resolver's, else the default) and its template,
 * and each account's codes are kept apart: a code sent by one never verifies with
 * another.
 */
public class VerificationCodeService {

	private static final Pattern PURPOSE = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

	// Kept past expiry so an expired or used code is told apart from none; a day bounds
	// the storage.
	private static final Duration RETENTION_AFTER_EXPIRY = Duration.ofDays(1);

	private final SecureRandom random;

	private final CodeAccounts accounts;

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
		this(new CodeAccounts(sender, null, null), store, settings, clock, digest, new SecureRandom());
	}

	/**
	 * Create the service of an application with several accounts.
	 * @param sender sends the code's message with the default account
	 * @param store keeps the hashes and cool-downs
	 * @param settings length, validity, cool-down, attempts and template variables
	 * @param clock the clock of the cool-down times reported
	 * @param digest the keyed digest of numbers and codes in the store
	 * @param accounts the accounts, each named one with its own template
	 * ({@code juhe.sms.accounts.<name>.codes.template-id})
	 */
	public VerificationCodeService(VerificationCodeSender sender, VerificationCodeStore store,
			VerificationCodeSettings settings, Clock clock, StoreDigest digest, JuheSmsAccounts accounts) {
		this(new CodeAccounts(sender, accounts, null), store, settings, clock, digest, new SecureRandom());
	}

	private VerificationCodeService(CodeAccounts accounts, VerificationCodeStore store,
			VerificationCodeSettings settings, Clock clock, StoreDigest digest, SecureRandom random) {
		this.accounts = accounts;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
		this.digest = digest;
		this.verify = JuheOperation.query(accounts.sender().operation().product(), "verify", "/");
		this.random = random;
	}

	/**
	 * This service for one account, whatever the application's resolver says: its codes
	 * are sent with the account's template and verified against its codes only.
	 * @param account the account's name ({@code default} for today's keys)
	 * @return the service of the account
	 * @throws IllegalStateException if the service was created without accounts
	 */
	public VerificationCodeService forAccount(String account) {
		Assert.notNull(account, "account must not be null");
		return new VerificationCodeService(this.accounts.forAccount(account), this.store, this.settings, this.clock,
				this.digest, this.random);
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
		JuheOperation operation = this.accounts.sender().operation();
		JuheSmsAccount account = this.accounts.choose(operation);
		String key = key(operation, account, purpose, mobile);
		VerificationCodeSender sender = this.accounts.sender(operation, account);
		Instant now = this.clock.instant();
		Duration left = JuheSmsStoreUnavailableException.requireStore(operation, Store.VERIFICATION_CODES,
				() -> this.store.startCooldown(key, this.settings.resendCooldown()));
		if (left != null) {
			throw new JuheSmsSendLimitException(operation,
					List.of(new SendLimitRefusal(mobile, new SendLimitRule(1, this.settings.resendCooldown()),
							now.plus(left), "juhe.sms.codes.resend-cooldown")));
		}
		String code = newCode();
		String salt = newSalt();
		String hash = hash(salt, purpose, mobile, code);
		SendReceipt receipt;
		try {
			receipt = sender.send(mobile, variables(code));
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
		String key = key(operation, this.accounts.choose(operation), purpose, mobile);
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

	private String key(JuheOperation operation, JuheSmsAccount account, String purpose, String mobile) {
		if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
			throw new JuheSmsInvalidRequestException(operation, "purpose",
					"must be 1-32 letters, digits, '_', '.' or '-'");
		}
		JuheValidation.requireMainlandMobile(operation, "mobile", mobile);
		return CodeAccounts.scoped(account, purpose + ":" + this.digest.name(mobile));
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

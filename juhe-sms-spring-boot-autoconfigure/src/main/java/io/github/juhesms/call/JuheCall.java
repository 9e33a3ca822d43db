package io.github.juhesms.call;

import java.time.Instant;
import java.util.List;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.guard.GuardedSend;
import io.github.juhesms.store.SendAdmission;
import org.jspecify.annotations.Nullable;

/**
 * One call to make: the operation, its form (without the key) and what logs,
 * observations, events, limits and de-duplication need to know about it. A send is built
 * only by {@link #send}, with its recipients, template and options, so that it cannot
 * pass the limits without numbers or lose its idempotency key.
 */
public final class JuheCall {

	private final JuheOperation operation;

	private final JuheForm form;

	private final List<String> mobiles;

	private final @Nullable Long templateId;

	private final @Nullable String idempotencyKey;

	private final @Nullable SendAdmission admission;

	private final @Nullable String fingerprint;

	private final @Nullable String account;

	private final int billedUnits;

	private final @Nullable String areaCode;

	private JuheCall(JuheOperation operation, JuheForm form, List<String> mobiles, @Nullable Long templateId,
			@Nullable String idempotencyKey, @Nullable SendAdmission admission, @Nullable String fingerprint,
			@Nullable String account, int billedUnits, @Nullable String areaCode) {
		this.operation = operation;
		this.form = form;
		this.mobiles = List.copyOf(mobiles);
		this.templateId = templateId;
		this.idempotencyKey = idempotencyKey;
		this.admission = admission;
		this.fingerprint = fingerprint;
		this.account = account;
		this.billedUnits = billedUnits;
		this.areaCode = areaCode;
	}

	/**
	 * A call that sends nothing and names no recipient or template.
	 * @param operation an operation that is not a send
	 * @param form the form parameters, without the key
	 * @return the call
	 * @throws IllegalArgumentException for a send operation, which {@link #send} builds
	 */
	public static JuheCall of(JuheOperation operation, JuheForm form) {
		return of(operation, form, List.of(), null);
	}

	/**
	 * A call that sends nothing but names recipients or a template, for logs and
	 * observations (a carrier grouping, a template deletion).
	 * @param operation an operation that is not a send
	 * @param form the form parameters, without the key
	 * @param mobiles the numbers the call names, masked wherever they are shown
	 * @param templateId the template the call names, if any
	 * @return the call
	 * @throws IllegalArgumentException for a send operation, which {@link #send} builds
	 */
	public static JuheCall of(JuheOperation operation, JuheForm form, List<String> mobiles, @Nullable Long templateId) {
		if (operation.kind() == JuheOperation.Kind.SEND) {
			throw new IllegalArgumentException(operation + " is a send: build it with JuheCall.send(...), "
					+ "which takes its recipients and options");
		}
		return new JuheCall(operation, form, mobiles, templateId, null, null, null, null, 1, null);
	}

	/**
	 * A billed send: its recipients pass the per-number limits and its options'
	 * idempotency key de-duplicates it.
	 * @param operation a send operation
	 * @param form the form parameters, without the key
	 * @param mobiles the recipients, at least one
	 * @param templateId the template sent
	 * @param options the caller's send options
	 * @return the call
	 * @throws IllegalArgumentException for an operation that is not a send, or no
	 * recipients
	 */
	public static JuheCall send(JuheOperation operation, JuheForm form, List<String> mobiles, long templateId,
			SendOptions options) {
		if (operation.kind() != JuheOperation.Kind.SEND) {
			throw new IllegalArgumentException(operation + " is not a send: build it with JuheCall.of(...)");
		}
		if (mobiles.isEmpty()) {
			throw new IllegalArgumentException(operation + " needs at least one recipient");
		}
		// Only a keyed send is compared with an earlier one.
		String key = options.idempotencyKey();
		return new JuheCall(operation, form, mobiles, templateId, key, null,
				(key != null) ? form.fingerprint(operation) : null, options.account(), 1, null);
	}

	/**
	 * This send narrowed to the recipients its product client admitted, with the permits
	 * it took for them (Financial batches send the admitted numbers only). The request's
	 * fingerprint stays that of the whole request, so a repeat that the limits narrow
	 * differently is still the same request.
	 * @param admission the admission, of some of this call's recipients
	 * @param admittedForm the form that sends to the admitted recipients only
	 * @return the narrowed send
	 */
	public JuheCall withAdmission(SendAdmission admission, JuheForm admittedForm) {
		if (admission.admitted().isEmpty() || !this.mobiles.containsAll(admission.admitted())) {
			throw new IllegalArgumentException(this.operation + ": the admission must be of the call's recipients");
		}
		return new JuheCall(this.operation, admittedForm, admission.admitted(), this.templateId, this.idempotencyKey,
				admission, this.fingerprint, this.account, this.billedUnits, this.areaCode);
	}

	/**
	 * This send billed {@code units} for each recipient, which its spend caps take: the
	 * messages its text is billed as ({@link io.github.juhesms.core.MessageLength}),
	 * times the area's per-message fee for International SMS, as Juhe's {@code fee}
	 * reports it. Without it a send takes 1 per recipient.
	 * @param units the billed units per recipient, 1 or more
	 * @return the send with its units
	 */
	public JuheCall withBilledUnits(int units) {
		requireSend("billed units");
		if (units < 1) {
			throw new IllegalArgumentException(this.operation + ": billed units must be at least 1, was " + units);
		}
		return new JuheCall(this.operation, this.form, this.mobiles, this.templateId, this.idempotencyKey,
				this.admission, this.fingerprint, this.account, units, this.areaCode);
	}

	/**
	 * This send to one International area, whose spend caps it takes units from besides
	 * the product's.
	 * @param areaCode the area code, as Juhe's areaNum writes it ({@code 44})
	 * @return the send with its area
	 */
	public JuheCall withAreaCode(String areaCode) {
		requireSend("an area code");
		return new JuheCall(this.operation, this.form, this.mobiles, this.templateId, this.idempotencyKey,
				this.admission, this.fingerprint, this.account, this.billedUnits, areaCode);
	}

	private void requireSend(String what) {
		if (!isSend()) {
			throw new IllegalArgumentException(this.operation + " is not a send: only sends have " + what);
		}
	}

	/**
	 * The operation called.
	 * @return the operation
	 */
	public JuheOperation operation() {
		return this.operation;
	}

	/**
	 * The form parameters, without the key.
	 * @return the form
	 */
	public JuheForm form() {
		return this.form;
	}

	/**
	 * The recipients or numbers the call names, masked wherever they are shown.
	 * @return the numbers, empty for none
	 */
	public List<String> mobiles() {
		return this.mobiles;
	}

	/**
	 * The template the call uses or names.
	 * @return the template id or {@code null}
	 */
	public @Nullable Long templateId() {
		return this.templateId;
	}

	/**
	 * The caller's key for de-duplicating a send.
	 * @return the key or {@code null}
	 */
	public @Nullable String idempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * The account the send's options chose.
	 * @return the account's name, or {@code null} to let the product API choose
	 */
	public @Nullable String account() {
		return this.account;
	}

	/**
	 * The units each recipient is billed, which the spend caps take.
	 * @return the billed units per recipient, 1 unless set
	 */
	public int billedUnits() {
		return this.billedUnits;
	}

	/**
	 * The International area the send goes to, whose spend caps apply.
	 * @return the area code, or {@code null} for the product's caps only
	 */
	public @Nullable String areaCode() {
		return this.areaCode;
	}

	/**
	 * Permits the product client already took for the recipients.
	 * @return the admission, or {@code null} to let the call take them
	 */
	public @Nullable SendAdmission admission() {
		return this.admission;
	}

	GuardedSend guarded(String account, Instant startedAt, boolean admitsEach) {
		return new GuardedSend(this.operation, account, this.mobiles, templateText(), this.idempotencyKey,
				this.admission, startedAt, this.fingerprint, this.billedUnits, this.areaCode, admitsEach);
	}

	boolean isSend() {
		return this.operation.kind() == JuheOperation.Kind.SEND;
	}

	@Nullable String templateText() {
		return (this.templateId != null) ? Long.toString(this.templateId) : null;
	}

	@Override
	public String toString() {
		return "JuheCall[" + this.operation + ", " + this.form + "]";
	}

}

package io.github.juhesms.call;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.store.SendAdmission;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One call to make: the operation, its form (without the key) and what logs,
 * observations, events, limits and de-duplication need to know about it.
 *
 * @param operation the operation
 * @param form the form parameters, without the key
 * @param mobiles the recipients, masked wherever they are shown
 * @param templateId the template id, if the call uses one
 * @param idempotencyKey the caller's key for de-duplicating a send, if any
 * @param admission permits the product client already took for the recipients, or
 * {@code null} to let the call take them
 */
public record JuheCall(JuheOperation operation, JuheForm form, List<String> mobiles, @Nullable String templateId,
		@Nullable String idempotencyKey, @Nullable SendAdmission admission) {

	public JuheCall {
		mobiles = List.copyOf(mobiles);
	}

	/**
	 * A call without idempotency key, whose permits the call takes itself.
	 * @param operation the operation
	 * @param form the form parameters, without the key
	 * @param mobiles the recipients
	 * @param templateId the template id, if any
	 */
	public JuheCall(JuheOperation operation, JuheForm form, List<String> mobiles, @Nullable String templateId) {
		this(operation, form, mobiles, templateId, null, null);
	}

	/**
	 * A call that names no recipient and no template.
	 * @param operation the operation
	 * @param form the form parameters
	 * @return the call
	 */
	public static JuheCall of(JuheOperation operation, JuheForm form) {
		return new JuheCall(operation, form, List.of(), null);
	}

	/**
	 * This call with the options of a send.
	 * @param options the send options
	 * @return a copy carrying the options' idempotency key
	 */
	public JuheCall with(SendOptions options) {
		return new JuheCall(this.operation, this.form, this.mobiles, this.templateId, options.idempotencyKey(),
				this.admission);
	}

	/**
	 * This call with permits already taken.
	 * @param admission the admission of the call's recipients
	 * @return a copy carrying the admission
	 */
	public JuheCall withAdmission(SendAdmission admission) {
		return new JuheCall(this.operation, this.form, this.mobiles, this.templateId, this.idempotencyKey, admission);
	}

}

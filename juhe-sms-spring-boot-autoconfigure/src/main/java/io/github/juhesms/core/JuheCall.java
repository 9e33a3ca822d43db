package io.github.juhesms.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One call to make: the operation, its form (without the key) and what logs, observations and
 * events may say about it.
 *
 * @param operation the operation
 * @param form the form parameters, without the key
 * @param mobiles the recipients, masked wherever they are shown
 * @param templateId the template id, if the call uses one
 */
public record JuheCall(JuheOperation operation, JuheForm form, List<String> mobiles, @Nullable String templateId) {

	/**
	 * A call that names no recipient and no template.
	 * @param operation the operation
	 * @param form the form parameters
	 * @return the call
	 */
	public static JuheCall of(JuheOperation operation, JuheForm form) {
		return new JuheCall(operation, form, List.of(), null);
	}

}

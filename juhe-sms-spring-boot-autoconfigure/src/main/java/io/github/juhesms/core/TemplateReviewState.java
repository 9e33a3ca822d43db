package io.github.juhesms.core;

/**
 * Review state of a template ({@code tpl_state}), as the international, financial and
 * verification-code documents define it.
 */
public enum TemplateReviewState {

	/** 0: not reviewed. */
	NOT_REVIEWED,

	/** 1: review failed. */
	REJECTED,

	/** 2: in review. */
	IN_REVIEW,

	/** 3: approved; the template can be used to send. */
	APPROVED,

	/** A value the documents do not define. */
	UNKNOWN;

	/**
	 * Map a {@code tpl_state} value.
	 * @param state the value Juhe sent
	 * @return the state, {@link #UNKNOWN} for an undocumented value
	 */
	public static TemplateReviewState of(int state) {
		return switch (state) {
			case 0 -> NOT_REVIEWED;
			case 1 -> REJECTED;
			case 2 -> IN_REVIEW;
			case 3 -> APPROVED;
			default -> UNKNOWN;
		};
	}

}

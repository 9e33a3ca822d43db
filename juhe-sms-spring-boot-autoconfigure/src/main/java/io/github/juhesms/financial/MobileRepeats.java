package io.github.juhesms.financial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Refuses a batch that names a number twice.
 */
final class MobileRepeats {

	private MobileRepeats() {
	}

	/**
	 * Refuse a number given twice in one send: each copy is billed and received again.
	 * Refused rather than silently removed, because only the caller knows whether the
	 * list itself is wrong.
	 * @param operation the operation called
	 * @param field the field name
	 * @param mobiles the numbers
	 * @param hint what the caller may do instead
	 */
	static void refuse(JuheOperation operation, String field, List<String> mobiles, String hint) {
		Map<String, Integer> firstIndex = new HashMap<>();
		@Nullable String firstRepeat = null;
		int repeats = 0;
		for (int i = 0; i < mobiles.size(); i++) {
			Integer earlier = firstIndex.putIfAbsent(mobiles.get(i), i);
			if (earlier != null) {
				repeats++;
				if (firstRepeat == null) {
					firstRepeat = "index " + i + " repeats index " + earlier;
				}
			}
		}
		if (firstRepeat != null) {
			throw new JuheSmsInvalidRequestException(operation, field,
					"must not repeat a number, which would be billed and received twice: " + firstRepeat + " ("
							+ repeats + " repeated in all; " + hint + ")");
		}
	}

}

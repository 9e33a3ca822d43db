package io.github.juhesms.international;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.error.JuheSmsInvalidRequestException;

/**
 * The area codes International SMS may send to: an allow-list (empty allows every area)
 * and a deny-list, matched exactly against the area code as Juhe's {@code areaCode} list
 * writes it, so that allowing {@code 1} (the USA and Canada) does not allow {@code 1649}
 * (Turks and Caicos). Checked before anything is sent.
 */
public final class AreaPermissions {

	/** Every area allowed, none denied: Juhe's own reach. */
	public static final AreaPermissions ALL = new AreaPermissions(Set.of(), Set.of());

	private final Set<String> allowed;

	private final Set<String> denied;

	private AreaPermissions(Set<String> allowed, Set<String> denied) {
		this.allowed = allowed;
		this.denied = denied;
	}

	/**
	 * Permissions from an allow-list and a deny-list.
	 * @param allowed the area codes sends may go to; empty allows every area
	 * @param denied the area codes sends never go to, even when allowed
	 * @return the permissions
	 */
	public static AreaPermissions of(Collection<String> allowed, Collection<String> denied) {
		return new AreaPermissions(Set.copyOf(allowed), Set.copyOf(denied));
	}

	void check(JuheOperation operation, String areaCode) {
		if (this.denied.contains(areaCode)) {
			throw new JuheSmsInvalidRequestException(operation, "areaNum",
					"'" + areaCode + "' is in juhe.sms.international.denied-area-codes");
		}
		if (!this.allowed.isEmpty() && !this.allowed.contains(areaCode)) {
			throw new JuheSmsInvalidRequestException(operation, "areaNum", "'" + areaCode
					+ "' is not in juhe.sms.international.allowed-area-codes " + new TreeSet<>(this.allowed));
		}
	}

	@Override
	public String toString() {
		return "AreaPermissions[allowed=" + this.allowed + ", denied=" + this.denied + "]";
	}

}

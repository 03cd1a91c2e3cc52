package io.vigil.incidents;

import java.util.Locale;

/** What was done with an evidence item, as its chain of custody records it. */
public enum CustodyAction {
	ADDED, EXPORTED, IMPORTED, VIEWED;

	/** Returns the name as the command line and exports write it ({@code added}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads an action written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static CustodyAction parse(String name) {
		return Labels.parse(CustodyAction.class, name, "custody action");
	}
}

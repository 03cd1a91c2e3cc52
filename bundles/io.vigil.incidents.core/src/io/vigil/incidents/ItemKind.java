package io.vigil.incidents;

import java.util.Locale;

/** Where a promoted item came from. */
public enum ItemKind {
	EVENT, ALERT, PACKET, AGENT_RESULT;

	/** Returns the name as the command line and exports write it ({@code agent_result}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a kind written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static ItemKind parse(String name) {
		return Labels.parse(ItemKind.class, name, "item kind");
	}
}

package io.vigil.incidents;

import java.util.Locale;

/** The dates of an incident that its metrics are measured between. */
public enum KeyDate {
	DETECTED, REPORTED, VERIFIED, CONTAINED, MITIGATED, CLOSED;

	/** Returns the name as the command line and exports write it ({@code detected}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a key date's name written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static KeyDate parse(String name) {
		return Labels.parse(KeyDate.class, name, "key date");
	}
}

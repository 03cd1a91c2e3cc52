package io.vigil.incidents;

import java.util.Locale;

/** How serious an incident is, lowest first. */
public enum IncidentSeverity {
	LOW, MEDIUM, HIGH, CRITICAL;

	/** Returns the name as the command line and exports write it ({@code high}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a severity written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static IncidentSeverity parse(String name) {
		return Labels.parse(IncidentSeverity.class, name, "severity");
	}
}

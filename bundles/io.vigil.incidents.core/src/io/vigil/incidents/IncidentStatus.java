package io.vigil.incidents;

import java.util.Locale;

/** Whether an incident is still being worked on. */
public enum IncidentStatus {
	OPEN, CLOSED;

	/** Returns the name as the command line and exports write it ({@code open}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a status written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static IncidentStatus parse(String name) {
		return Labels.parse(IncidentStatus.class, name, "status");
	}
}

package io.vigil.incidents;

import java.util.Locale;

/** Where an incident is in the response workflow, in the order a response usually goes. */
public enum IncidentPhase {
	IDENTIFICATION, CONTAINMENT, ERADICATION, RECOVERY, LESSONS_LEARNED, CLOSED;

	/** Returns the name as the command line and exports write it ({@code lessons_learned}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a phase written in any case, with {@code -} or {@code _} between words.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static IncidentPhase parse(String name) {
		return Labels.parse(IncidentPhase.class, name, "phase");
	}
}

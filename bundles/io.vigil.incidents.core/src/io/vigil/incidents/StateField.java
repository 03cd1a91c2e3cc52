package io.vigil.incidents;

import java.util.Locale;

/** Which of an incident's states a {@link StateChange} changed. */
public enum StateField {
	PHASE, STATUS;

	/** Returns the name as the command line and exports write it ({@code phase}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a state's name written in any case.
	 *
	 * @throws IllegalArgumentException naming the value and the ones expected
	 */
	public static StateField parse(String name) {
		return Labels.parse(StateField.class, name, "state");
	}
}

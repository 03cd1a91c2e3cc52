package io.vigil.incidents;

/** Which of an incident's states a {@link StateChange} changed. */
public enum StateField {
	PHASE, STATUS
}

package io.vigil.incidents.timeline;

import java.util.Locale;

/** What a timeline entry shows. */
public enum EntryKind {
	EVENT, ALERT, PACKET, AGENT_RESULT, NOTE, TASK_CREATED, TASK_DUE, TASK_DONE, EVIDENCE, STATE_CHANGE;

	/** Returns the name as exports write it ({@code task_due}). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a kind written in any case, with {@code -} or {@code _} between words.
	 *
	 * @throws IllegalArgumentException naming the value and the kinds there are
	 */
	public static EntryKind parse(String name) {
		String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
		for (EntryKind kind : values()) {
			if (kind.name().equals(wanted)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("unknown timeline entry kind '" + name + "' (expected event, alert, packet,"
				+ " agent_result, note, task_created, task_due, task_done, evidence or state_change)");
	}
}

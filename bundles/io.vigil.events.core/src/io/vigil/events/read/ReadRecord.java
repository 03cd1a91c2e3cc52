package io.vigil.events.read;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record read from an input: either an event, still to be normalized, or a rejection that
 * says why the input at that place is not an event.
 *
 * @param line the line the record starts on, counting from 1
 * @param raw the record's text as read (for multi-line records, its lines joined by newlines);
 *            Vigil derives the event's stable id from it
 * @param event the event in MozDef shape, or {@code null} for a rejection
 * @param rejection why the record was rejected, or {@code null} for an event
 */
public record ReadRecord(long line, String raw, ObjectNode event, String rejection) {

	/** Checks that exactly one of event and rejection is given. */
	public ReadRecord {
		Objects.requireNonNull(raw, "raw");
		if ((event == null) == (rejection == null)) {
			throw new IllegalArgumentException("a record is either an event or a rejection");
		}
	}

	/** Returns a record holding an event. */
	public static ReadRecord event(long line, String raw, ObjectNode event) {
		return new ReadRecord(line, raw, Objects.requireNonNull(event, "event"), null);
	}

	/** Returns a record that rejects the input at a line, with the reason. */
	public static ReadRecord rejected(long line, String raw, String reason) {
		return new ReadRecord(line, raw, null, Objects.requireNonNull(reason, "reason"));
	}

	/** Returns whether this record is a rejection. */
	public boolean isRejected() {
		return rejection != null;
	}
}

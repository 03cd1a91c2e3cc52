package io.vigil.events.read;

import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record read from an input: an event, still to be normalized; a rejection that says why the
 * input at that place is not an event; or a record whose parsing is deferred, so that ingest can
 * parse it on a worker thread rather than on the thread that reads the input. Call
 * {@link #resolve()} to get an event or a rejection from any record.
 *
 * @param line the line the record starts on, counting from 1
 * @param raw the record's text as read (for multi-line records, its lines joined by newlines);
 *            Vigil derives the event's stable id from it
 * @param event the event in MozDef shape, or {@code null}
 * @param rejection why the record was rejected, or {@code null}
 * @param parse how to parse a deferred record, or {@code null}
 */
public record ReadRecord(long line, String raw, ObjectNode event, String rejection, Parse parse) {

	/** Parses a deferred record's raw text into an event or a rejection. Thread-safe. */
	@FunctionalInterface
	public interface Parse {
		/** Returns the record of a line's raw text, never a deferred one. */
		ReadRecord apply(long line, String raw);
	}

	/** Checks that exactly one of event, rejection and parse is given. */
	public ReadRecord {
		Objects.requireNonNull(raw, "raw");
		int given = (event == null ? 0 : 1) + (rejection == null ? 0 : 1) + (parse == null ? 0 : 1);
		if (given != 1) {
			throw new IllegalArgumentException("a record is an event, a rejection or a deferred parse");
		}
	}

	/** Returns a record holding an event. */
	public static ReadRecord event(long line, String raw, ObjectNode event) {
		return new ReadRecord(line, raw, Objects.requireNonNull(event, "event"), null, null);
	}

	/** Returns a record that rejects the input at a line, with the reason. */
	public static ReadRecord rejected(long line, String raw, String reason) {
		return new ReadRecord(line, raw, null, Objects.requireNonNull(reason, "reason"), null);
	}

	/** Returns a record to be parsed later, on whichever thread calls {@link #resolve()}. */
	public static ReadRecord deferred(long line, String raw, Parse parse) {
		return new ReadRecord(line, raw, null, null, Objects.requireNonNull(parse, "parse"));
	}

	/** Returns whether this record is a rejection (a deferred record may still turn into one). */
	public boolean isRejected() {
		return rejection != null;
	}

	/** Returns whether this record's parsing is deferred. */
	public boolean isDeferred() {
		return parse != null;
	}

	/** Returns this record parsed: itself unless deferred. */
	public ReadRecord resolve() {
		return parse == null ? this : parse.apply(line, raw);
	}
}

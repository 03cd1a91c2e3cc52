package io.vigil.events.read;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What readers need to know beyond the input's bytes.
 *
 * @param zone the time zone of timestamps that carry none (syslog's {@code Dec  3 20:48:20}, CSV
 *            dates); UTC unless the user says otherwise
 * @param reference a time near the input's writing, for timestamps without a year: a syslog
 *            date is placed in the year that puts it closest before this (plus a day of slack);
 *            usually the file's modification time
 * @param fileName the input's file name without folders, such as {@code conn.log}; Zeek logs take
 *            their log type from it when the records do not say
 */
public record ReaderOptions(ZoneId zone, Instant reference, String fileName) {

	/** Checks the arguments. */
	public ReaderOptions {
		Objects.requireNonNull(zone, "zone");
		Objects.requireNonNull(reference, "reference");
		Objects.requireNonNull(fileName, "fileName");
	}

	/** Returns options for UTC, the current time and no file name. */
	public static ReaderOptions defaults() {
		return new ReaderOptions(ZoneOffset.UTC, Instant.now(), "");
	}
}

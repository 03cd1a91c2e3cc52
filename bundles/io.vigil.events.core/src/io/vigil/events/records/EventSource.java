package io.vigil.events.records;

import java.time.Instant;

/**
 * A place events came from: a file, and later a collector connection or a sensor.
 *
 * @param kind {@code file}, {@code stream}, ...
 * @param name the file path or the source's name
 * @param format the format its events were read in
 * @param events how many events it gave, over all imports
 * @param firstSeen when Vigil first read from it
 * @param lastSeen when Vigil last read from it
 * @param oldestEvent the oldest event time it gave, or {@code null}
 * @param newestEvent the newest event time it gave, or {@code null}
 */
public record EventSource(String kind, String name, String format, long events, Instant firstSeen, Instant lastSeen,
		Instant oldestEvent, Instant newestEvent) {
}

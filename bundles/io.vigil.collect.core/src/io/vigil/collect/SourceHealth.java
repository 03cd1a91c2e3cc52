package io.vigil.collect;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of the collector health view: a source's reading, and whether it has been silent for
 * longer than its setting while it should be receiving events.
 *
 * @param reading the source's reading
 * @param threshold how long it may stay silent
 * @param silentFor how long nothing arrived, when that is longer than the threshold and the
 *            source is running; otherwise {@code null}
 */
public record SourceHealth(SourceStats.Reading reading, Duration threshold, Duration silentFor) {

	/** The state of a connection that is configured but not enabled. */
	public static final String DISABLED = "disabled";

	/** Returns whether the source is overdue. */
	public boolean silent() {
		return silentFor != null;
	}

	/**
	 * Judges a reading.
	 *
	 * @param heardSince when the source was first seen, counted from when nothing has arrived yet
	 */
	public static SourceHealth of(SourceStats.Reading reading, Duration threshold, Instant heardSince, Instant now) {
		Instant heard = reading.lastArrival() != null ? reading.lastArrival() : heardSince;
		Duration quiet = Duration.between(heard, now);
		boolean running = !reading.state().startsWith("stopped") && !reading.state().equals(DISABLED);
		return new SourceHealth(reading, threshold, running && quiet.compareTo(threshold) > 0 ? quiet : null);
	}
}

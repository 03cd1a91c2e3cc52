package io.vigil.events.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What an ingest run did.
 *
 * @param stored the events stored durably (events already in the store are counted again: they
 *            are replaced by the same event, not duplicated)
 * @param rejected the records rejected, each with its reason in the rejects file
 * @param rejects the rejects file, or {@code null} when nothing was rejected
 * @param cancelled whether the run was cancelled before the end of its inputs
 * @param inputs what each input gave
 * @param started when the run started
 * @param finished when it finished
 */
public record IngestReport(long stored, long rejected, Path rejects, boolean cancelled, List<InputReport> inputs,
		Instant started, Instant finished) {

	/**
	 * What one input gave.
	 *
	 * @param name the input's name (its path, or {@code -})
	 * @param format the format it was read as, or {@code null} when it could not be told
	 * @param events the events it held (stored, unless the run failed)
	 * @param rejected its rejected records
	 * @param oldest the oldest event time, or {@code null} without events
	 * @param newest the newest event time, or {@code null} without events
	 */
	public record InputReport(String name, String format, long events, long rejected, Instant oldest,
			Instant newest) {
	}

	/** Returns the line the command line ends with: {@code ingested N events, rejected M}. */
	public String summary() {
		return "ingested " + stored + " events, rejected " + rejected;
	}
}

package io.vigil.events.records;

import java.time.Instant;

/**
 * One past import, as listed in the import history.
 *
 * @param id its number
 * @param started when it started
 * @param finished when it finished
 * @param origin what ran it: {@code command} or {@code workbench}
 * @param stored events stored
 * @param rejected records rejected
 * @param rejectsFile where the rejects are, or {@code null}
 * @param cancelled whether it was cancelled
 */
public record ImportRecord(long id, Instant started, Instant finished, String origin, long stored, long rejected,
		String rejectsFile, boolean cancelled) {
}

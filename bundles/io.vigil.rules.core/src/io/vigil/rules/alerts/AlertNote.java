package io.vigil.rules.alerts;

import java.time.Instant;

/**
 * One step in an alert's triage history.
 *
 * @param time when
 * @param who by whom
 * @param change what changed, for a person ({@code status NEW -> IN_PROGRESS})
 * @param comment the comment given, may be empty
 */
public record AlertNote(Instant time, String who, String change, String comment) {
}

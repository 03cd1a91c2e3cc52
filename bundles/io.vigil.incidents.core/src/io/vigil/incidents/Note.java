package io.vigil.incidents;

import java.time.Instant;

/**
 * A handler's note on an incident.
 *
 * @param id a UUID, unique across workspaces
 * @param author who wrote it
 * @param time when it was written
 * @param text what it says
 */
public record Note(String id, String author, Instant time, String text) {
}

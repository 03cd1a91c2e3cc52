package io.vigil.incidents;

import java.time.Instant;

/**
 * A change of an incident's phase or status, as its history records it.
 *
 * @param id a UUID, unique across workspaces
 * @param field what changed
 * @param from the label it had ({@code identification}, {@code open}...)
 * @param to the label it got
 * @param who who changed it
 * @param when when
 */
public record StateChange(String id, StateField field, String from, String to, String who, Instant when) {
}

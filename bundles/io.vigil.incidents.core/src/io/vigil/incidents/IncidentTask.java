package io.vigil.incidents;

import java.time.Instant;

/**
 * Something to do for an incident.
 *
 * @param id a UUID, unique across workspaces
 * @param title what to do
 * @param assignee who does it, empty for nobody
 * @param due when it is due, {@code null} for no date
 * @param done whether it is done
 * @param created when it was added
 * @param doneAt when it was marked done, {@code null} while not done
 */
public record IncidentTask(String id, String title, String assignee, Instant due, boolean done, Instant created,
		Instant doneAt) {
}

package io.vigil.incidents;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Something promoted into an incident from elsewhere in Vigil (an event, an alert, and later a
 * packet or an agent's result), with a snapshot of it as it was when promoted. An incident holds
 * each source (kind and source id) once.
 *
 * @param id a UUID, unique across workspaces
 * @param kind what it is
 * @param sourceId its id where it came from (the event id, the alert number...)
 * @param snapshot the source object as JSON text, as it was when promoted
 * @param occurred when it happened
 * @param discovered when it became known (an alert's raise time, or when it was promoted)
 * @param host the host it is about, for the timeline's lanes (may be empty)
 * @param user the user it is about (may be empty)
 * @param source the source it came from (a log source, a rule; may be empty)
 * @param title a one-line description
 */
public record PromotedItem(String id, ItemKind kind, String sourceId, String snapshot, Instant occurred,
		Instant discovered, String host, String user, String source, String title) {

	/** Checks the kind, source id and times, and replaces missing texts by empty ones. */
	public PromotedItem {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		if (sourceId == null || sourceId.isBlank()) {
			throw new IllegalArgumentException("a promoted " + kind.label() + " needs its source id");
		}
		Objects.requireNonNull(occurred, "occurred");
		Objects.requireNonNull(discovered, "discovered");
		snapshot = Objects.requireNonNullElse(snapshot, "{}");
		host = Objects.requireNonNullElse(host, "");
		user = Objects.requireNonNullElse(user, "");
		source = Objects.requireNonNullElse(source, "");
		title = Objects.requireNonNullElse(title, "");
	}

	/** Returns a new item with a fresh UUID. */
	public static PromotedItem of(ItemKind kind, String sourceId, String snapshot, Instant occurred,
			Instant discovered, String host, String user, String source, String title) {
		return new PromotedItem(UUID.randomUUID().toString(), kind, sourceId, snapshot, occurred, discovered, host,
				user, source, title);
	}
}

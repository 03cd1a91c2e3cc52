package io.vigil.incidents.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.vigil.incidents.EntryMark;

/**
 * One entry of an incident's timeline.
 *
 * @param key what identifies it in its incident, across workspaces: {@code kind:id}, such as
 *            {@code event:<event id>} or {@code task_due:<task UUID>}; marks are stored by it
 * @param kind what it shows
 * @param occurred when it happened
 * @param discovered when it became known
 * @param title a one-line description
 * @param host the host it is about, empty if none
 * @param user the user it is about, empty if none
 * @param source the source it came from, empty if none
 * @param originKind where to open it: {@code event}, {@code alert}, {@code packet},
 *            {@code agent_result}, {@code note}, {@code task}, {@code evidence} or {@code state}
 * @param originId its id there (an event id, an alert number, a child's UUID)
 * @param starred whether a handler starred it
 * @param tags a handler's tags on it
 * @param comment a handler's comment on it
 */
public record TimelineEntry(String key, EntryKind kind, Instant occurred, Instant discovered, String title,
		String host, String user, String source, String originKind, String originId, boolean starred, List<String> tags,
		String comment) {

	/** Checks the key and times, and copies the tags. */
	public TimelineEntry {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(occurred, "occurred");
		Objects.requireNonNull(discovered, "discovered");
		title = Objects.requireNonNullElse(title, "");
		host = Objects.requireNonNullElse(host, "");
		user = Objects.requireNonNullElse(user, "");
		source = Objects.requireNonNullElse(source, "");
		tags = List.copyOf(tags);
		comment = Objects.requireNonNullElse(comment, "");
	}

	/** Returns this entry with marks merged in (replacing its own). */
	public TimelineEntry marked(EntryMark mark) {
		return new TimelineEntry(key, kind, occurred, discovered, title, host, user, source, originKind, originId,
				mark.starred(), mark.tags(), mark.comment());
	}

	/** Returns the key of an entry of a kind about an id. */
	public static String key(EntryKind kind, String id) {
		return kind.label() + ":" + id;
	}
}

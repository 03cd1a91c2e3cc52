package io.vigil.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A handler's marks on one timeline entry: a star, tags and a comment.
 *
 * @param entryKey the entry's key ({@code kind:id}, see the timeline's entries)
 * @param starred whether it is starred
 * @param tags its tags, in the order given
 * @param comment a comment, may be empty
 * @param updated when the marks were last changed
 */
public record EntryMark(String entryKey, boolean starred, List<String> tags, String comment, Instant updated) {

	/** Copies the tags and replaces a missing comment by an empty one. */
	public EntryMark {
		Objects.requireNonNull(entryKey, "entryKey");
		tags = List.copyOf(tags);
		comment = Objects.requireNonNullElse(comment, "");
	}

	/** Returns whether these marks say nothing (no star, tag or comment). */
	public boolean isEmpty() {
		return !starred && tags.isEmpty() && comment.isEmpty();
	}
}

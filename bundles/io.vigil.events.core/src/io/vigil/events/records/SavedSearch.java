package io.vigil.events.records;

import java.util.List;
import java.util.Objects;

/**
 * A named search kept in the workspace.
 *
 * @param name its name, unique in the workspace
 * @param query the query text
 * @param from the start of its time range as typed ({@code -24h}, an ISO time), or {@code null}
 * @param to the end of its time range as typed, or {@code null}
 * @param columns the result columns (field paths), empty for the default ones
 */
public record SavedSearch(String name, String query, String from, String to, List<String> columns) {

	/** Checks the arguments. */
	public SavedSearch {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(query, "query");
		if (name.isBlank() || name.length() > 256) {
			throw new IllegalArgumentException("a saved search needs a name of 1 to 256 characters");
		}
		columns = List.copyOf(columns);
	}
}

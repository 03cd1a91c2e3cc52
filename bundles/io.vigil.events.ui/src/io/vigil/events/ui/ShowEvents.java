package io.vigil.events.ui;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks the Event Search part to run a search and to highlight fields in what it shows, for parts
 * of other capabilities ("show the events behind this alert"). Show the part {@link #PART_ID}
 * first (the event broker reaches only a part that exists), then send the request on
 * {@link #TOPIC} with {@code IEventBroker.send} or {@code post}.
 *
 * @param query the query, in Event Search's syntax
 * @param from the start of the time range as typed ({@code -24h}, an ISO time), or {@code null}
 * @param to the end of the time range (exclusive) as typed, or {@code null}
 * @param highlight the field paths to bring forward: shown as columns and marked in the
 *            selected event; empty for none
 */
public record ShowEvents(String query, String from, String to, Set<String> highlight) {

	/** The event broker topic Event Search listens on; the data is a {@code ShowEvents}. */
	public static final String TOPIC = "io/vigil/events/ui/search/show";
	/** The Event Search part's id. */
	public static final String PART_ID = "io.vigil.events.ui.part.search";

	/** Checks the arguments. */
	public ShowEvents {
		Objects.requireNonNull(query, "query");
		highlight = Set.copyOf(highlight);
	}

	/**
	 * Returns the query that finds events by their ids: {@code vigil.id:(ID OR ID ...)}.
	 *
	 * @param ids event ids, at least one
	 */
	public static String idQuery(Collection<String> ids) {
		if (ids.isEmpty()) {
			throw new IllegalArgumentException("no event ids");
		}
		return ids.stream().distinct().collect(Collectors.joining(" OR ", "vigil.id:(", ")"));
	}
}

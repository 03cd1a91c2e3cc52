package io.vigil.rules.eval;

/** A compiled detection: whether one event matches, and on which fields. Thread-safe. */
public interface EventMatcher {

	/**
	 * Returns whether the event matches.
	 *
	 * @param event the event, with its field values looked up once
	 * @param matched receives the event fields that the match rests on, for highlighting; may be
	 *            {@code null} when nobody asks
	 */
	boolean matches(EventView event, java.util.Set<String> matched);
}

package io.vigil.events.store;

/**
 * One value of a field and how many matching events have it.
 *
 * @param value the value, as indexed (keywords are cut at {@link IndexFields#MAX_KEYWORD} characters)
 * @param count the number of matching events with the value
 */
public record FacetCount(String value, long count) {
}

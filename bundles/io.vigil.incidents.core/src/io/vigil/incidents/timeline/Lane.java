package io.vigil.incidents.timeline;

/**
 * One swim lane of a timeline: the entries with one host, user or source.
 *
 * @param name the value the lane's entries share, empty for the lane of entries without one
 * @param entries its entries, as a timeline of their own (sorted, with range queries)
 */
public record Lane(String name, Timeline entries) {
}

package io.vigil.events.search;

import java.util.List;
import java.util.Objects;

import io.vigil.events.TimeRange;

/**
 * A search as a view asks for it.
 *
 * @param query the query text
 * @param range the time range, resolved to instants
 * @param sortField the field to sort by, or {@code null} for event time
 * @param descending whether larger values (newer events) come first
 * @param facetFields the fields whose top values to count
 * @param facetSize how many values per facet
 * @param histogramBuckets the most histogram buckets wanted
 */
public record SearchRequest(String query, TimeRange range, String sortField, boolean descending,
		List<String> facetFields, int facetSize, int histogramBuckets) {

	/** Checks the arguments. */
	public SearchRequest {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(range, "range");
		facetFields = List.copyOf(facetFields);
	}

	/** Returns a request for the newest events first, with facets and a histogram of the usual sizes. */
	public static SearchRequest of(String query, TimeRange range, List<String> facetFields) {
		return new SearchRequest(query, range, null, true, facetFields, 10, 120);
	}
}

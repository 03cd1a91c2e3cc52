package io.vigil.events.search;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.search.Query;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.vigil.events.store.EventStore;
import io.vigil.events.store.FacetCount;
import io.vigil.events.store.HitSet;
import io.vigil.events.store.Hits;
import io.vigil.events.store.Histogram;
import io.vigil.events.store.StoreSnapshot;
import io.vigil.events.store.StoredEvent;

/**
 * Everything a search view shows about one search: the number of matches, their histogram, the
 * facets, and the matches in display order for paging, all from one consistent snapshot. Rows are
 * read on demand, so a result of millions of events costs a few bytes per match. Close it when
 * the view moves on. Reading rows from several threads is safe.
 */
public final class SearchResult implements AutoCloseable {

	private final SearchRequest request;
	private final StoreSnapshot snapshot;
	private final HitSet matches;
	private final Histogram histogram;
	private final Map<String, List<FacetCount>> facets;
	private final List<String> warnings;
	private final Duration took;
	private volatile Hits hits;

	private SearchResult(SearchRequest request, StoreSnapshot snapshot, HitSet matches, Hits hits, Histogram histogram,
			Map<String, List<FacetCount>> facets, List<String> warnings, Duration took) {
		this.request = request;
		this.snapshot = snapshot;
		this.matches = matches;
		this.hits = hits;
		this.histogram = histogram;
		this.facets = facets;
		this.warnings = warnings;
		this.took = took;
	}

	/**
	 * Runs a search.
	 *
	 * @param monitor progress and cancellation; a cancelled search throws
	 *            {@link OperationCanceledException} and leaves nothing open
	 * @throws QuerySyntaxException if the query is not valid
	 */
	public static SearchResult run(EventStore store, SearchRequest request, Clock clock, IProgressMonitor monitor)
			throws IOException, QuerySyntaxException {
		long start = System.nanoTime();
		SubMonitor progress = SubMonitor.convert(monitor, "Searching events", 4 + request.facetFields().size());
		StoreSnapshot snapshot = store.snapshot(request.range());
		try {
			EventQueryParser parser = new EventQueryParser(snapshot.fields(), clock);
			Query query = parser.parse(request.query());
			HitSet matches = snapshot.collect(query);
			progress.split(1);
			Histogram histogram = matches.histogram(request.range(), request.histogramBuckets());
			progress.split(1);
			Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
			for (String field : request.facetFields()) {
				facets.put(field, matches.facet(field, request.facetSize()));
				progress.split(1);
			}
			Hits hits = matches.sorted(request.sortField(), request.descending());
			progress.split(1);
			return new SearchResult(request, snapshot, matches, hits, histogram, facets, parser.warnings(),
					Duration.ofNanos(System.nanoTime() - start));
		} catch (IOException | QuerySyntaxException | RuntimeException e) {
			snapshot.close();
			throw e;
		}
	}

	/** Returns the request this result answers. */
	public SearchRequest request() {
		return request;
	}

	/** Returns the number of matches. */
	public long total() {
		return matches.size();
	}

	/** Returns the matches per time bucket. */
	public Histogram histogram() {
		return histogram;
	}

	/** Returns the top values of each facet field, in the request's order. */
	public Map<String, List<FacetCount>> facets() {
		return facets;
	}

	/** Returns what the query parser noticed without failing. */
	public List<String> warnings() {
		return warnings;
	}

	/** Returns how long the search took. */
	public Duration took() {
		return took;
	}

	/** Returns the matches in the current display order. */
	public Hits hits() {
		return hits;
	}

	/** Returns the field names present in the result's snapshot, for column and facet choices. */
	public List<String> fields() {
		return List.copyOf(snapshot.fields().paths());
	}

	/** Returns the top values of another field among the matches. */
	public List<FacetCount> facet(String field, int size) throws IOException {
		return matches.facet(field, size);
	}

	/**
	 * Orders the matches by a field (or by time for {@code null}) and makes that the display
	 * order.
	 *
	 * @return the new order
	 */
	public Hits sort(String field, boolean descending) throws IOException {
		Hits sorted = matches.sorted(field, descending);
		hits = sorted;
		return sorted;
	}

	/** Reads rows {@code [from, from + count)} of an order of this result. */
	public List<StoredEvent> rows(Hits order, int from, int count) throws IOException {
		return snapshot.events(order, from, count);
	}

	/** Releases the snapshot. */
	@Override
	public void close() throws IOException {
		snapshot.close();
	}
}

package io.vigil.events.store;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.util.ArrayUtil;
import org.apache.lucene.util.BytesRef;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.TimeRange;
import io.vigil.events.Timestamps;
import io.vigil.events.internal.read.JsonSupport;

/**
 * A consistent, read-only view of the store over a time range: the partitions it covers, as of
 * the refresh before it was taken. Queries given to it are restricted to its range. Close it to
 * let the store reclaim what it reads. Searching from several threads is safe.
 */
public final class StoreSnapshot implements Closeable {

	private static final Set<String> STORED = Set.of(IndexFields.ID, IndexFields.SOURCE);
	private static final Sort NEWEST_FIRST = new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG, true));
	private static final Sort OLDEST_FIRST = new Sort(new SortField(IndexFields.TIME, SortField.Type.LONG, false));

	private final List<IndexSearcher> acquired;
	private final TimeRange range;
	private final IndexReader reader;
	private final IndexSearcher searcher;
	private FieldCatalog catalog;

	private final Function<IndexReader, Set<String>> names;

	/**
	 * Creates a snapshot over acquired partition searchers, which it releases on close.
	 *
	 * @param acquired one searcher per partition in range, oldest day first
	 */
	StoreSnapshot(List<IndexSearcher> acquired, TimeRange range, Function<IndexReader, Set<String>> names)
			throws IOException {
		this.acquired = acquired;
		this.range = range;
		this.names = names;
		IndexReader[] readers = acquired.stream().map(IndexSearcher::getIndexReader).toArray(IndexReader[]::new);
		this.reader = new MultiReader(readers, false);
		this.searcher = new IndexSearcher(reader);
		this.searcher.setQueryCache(null);
	}

	/** Returns the time range the snapshot covers. */
	public TimeRange range() {
		return range;
	}

	/** Returns the fields present in the snapshot, for building queries against it. */
	public synchronized FieldCatalog fields() {
		if (catalog == null) {
			catalog = FieldCatalog.union(acquired.stream().map(searcher -> names.apply(searcher.getIndexReader())).toList());
		}
		return catalog;
	}

	/** Returns the number of events in the snapshot's partitions (ignoring its time range). */
	public long size() {
		return reader.numDocs();
	}

	/** Returns the query restricted to the snapshot's time range. */
	public Query restrict(Query query) {
		if (range.isAll()) {
			return query;
		}
		return new BooleanQuery.Builder().add(query, Occur.MUST)
				.add(LongPoint.newRangeQuery(IndexFields.TIME, range.fromMillis(), range.lastMillis()), Occur.FILTER)
				.build();
	}

	/** Counts the events that match a query. */
	public long count(Query query) throws IOException {
		return searcher.count(restrict(query));
	}

	/** Returns the newest (or oldest) events that match a query. */
	public List<StoredEvent> top(Query query, int limit, boolean newestFirst) throws IOException {
		if (limit <= 0) {
			return List.of();
		}
		// Partitions hold disjoint days: search them from the newest (or oldest) one and stop as
		// soon as enough events are found, since no later partition can hold a better one.
		Query restricted = restrict(query);
		List<StoredEvent> events = new ArrayList<>(limit);
		for (int i = 0; i < acquired.size() && events.size() < limit; i++) {
			IndexSearcher partition = acquired.get(newestFirst ? acquired.size() - 1 - i : i);
			TopFieldDocs top = partition.search(restricted, limit - events.size(), newestFirst ? NEWEST_FIRST : OLDEST_FIRST,
					false);
			StoredFields stored = partition.storedFields();
			for (ScoreDoc hit : top.scoreDocs) {
				events.add(read(stored, hit.doc));
			}
		}
		return events;
	}

	/**
	 * Returns the most frequent values of a field among a query's matches, counting as it
	 * searches, for a facet asked on its own; {@link HitSet#facet} gives the same from a
	 * collected result.
	 */
	public List<FacetCount> facet(Query query, String path, int top) throws IOException {
		Map<String, Long> frequencies = new HashMap<>();
		searcher.search(restrict(query), new CollectorManager<Collector, Void>() {
			@Override
			public Collector newCollector() {
				return new FacetCounter(path, frequencies);
			}

			@Override
			public Void reduce(Collection<Collector> collectors) {
				return null;
			}
		});
		return FacetCount.top(frequencies, top);
	}

	/** Collects every match of a query, for counts, histograms, facets and sorted paging. */
	public HitSet collect(Query query) throws IOException {
		List<LeafReaderContext> leaves = reader.leaves();
		int[][] docs = new int[leaves.size()][];
		int[] counts = new int[leaves.size()];
		searcher.search(restrict(query), new CollectorManager<Collector, Void>() {
			@Override
			public Collector newCollector() {
				return new AllDocs(docs, counts);
			}

			@Override
			public Void reduce(Collection<Collector> collectors) {
				return null;
			}
		});
		for (int leaf = 0; leaf < docs.length; leaf++) {
			if (docs[leaf] == null) {
				docs[leaf] = new int[0];
			}
		}
		return new HitSet(leaves, docs, counts);
	}

	/** Reads the event with a document number of this snapshot. */
	public StoredEvent event(int doc) throws IOException {
		return read(searcher.storedFields(), doc);
	}

	/**
	 * Reads the events of rows {@code [from, from + count)} of a result.
	 */
	public List<StoredEvent> events(Hits hits, int from, int count) throws IOException {
		StoredFields stored = searcher.storedFields();
		int end = Math.min(hits.size(), from + count);
		List<StoredEvent> events = new ArrayList<>(Math.max(0, end - from));
		for (int row = from; row < end; row++) {
			events.add(read(stored, hits.doc(row)));
		}
		return events;
	}

	private static StoredEvent read(StoredFields stored, int doc) throws IOException {
		Document document = stored.document(doc, STORED);
		BytesRef json = document.getBinaryValue(IndexFields.SOURCE);
		ObjectNode event = (ObjectNode) JsonSupport.MAPPER.readTree(json.bytes, json.offset, json.length);
		String id = document.get(IndexFields.ID);
		Instant time = Timestamps.parse(event.path(EventFields.UTC_TIMESTAMP).asText(), ZoneOffset.UTC)
				.orElse(Instant.EPOCH);
		return new StoredEvent(id, time, event);
	}

	/** Returns the searcher, for measurements against bare Lucene. */
	public IndexSearcher searcher() {
		return searcher;
	}

	/** Releases the partitions' readers. */
	@Override
	public void close() throws IOException {
		IOException failure = null;
		for (IndexSearcher partition : acquired) {
			try {
				Partition.release(partition);
			} catch (IOException e) {
				failure = failure == null ? e : failure;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Counts a field's values per segment ordinal while collecting, adding them by value at each segment's end. */
	private static final class FacetCounter implements Collector {

		private final String path;
		private final Map<String, Long> frequencies;

		FacetCounter(String path, Map<String, Long> frequencies) {
			this.path = path;
			this.frequencies = frequencies;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
			SortedSetDocValues values = DocValues.getSortedSet(context.reader(), path);
			long[] perOrd = new long[(int) values.getValueCount()];
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
					// Counting needs no scores.
				}

				@Override
				public void collect(int doc) throws IOException {
					if (values.advanceExact(doc)) {
						for (int v = 0; v < values.docValueCount(); v++) {
							perOrd[(int) values.nextOrd()]++;
						}
					}
				}

				@Override
				public void finish() throws IOException {
					for (int ord = 0; ord < perOrd.length; ord++) {
						if (perOrd[ord] > 0) {
							frequencies.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
						}
					}
				}
			};
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}
	}

	/** Collects every matching document of each leaf, in document order. */
	private static final class AllDocs implements Collector {

		private final int[][] docs;
		private final int[] counts;

		AllDocs(int[][] docs, int[] counts) {
			this.docs = docs;
			this.counts = counts;
		}

		@Override
		public LeafCollector getLeafCollector(LeafReaderContext context) {
			int leaf = context.ord;
			docs[leaf] = new int[16];
			return new LeafCollector() {
				@Override
				public void setScorer(Scorable scorer) {
					// Scores are not used: results are ordered by time or by a field.
				}

				@Override
				public void collect(int doc) {
					if (counts[leaf] == docs[leaf].length) {
						docs[leaf] = ArrayUtil.grow(docs[leaf], counts[leaf] + 1);
					}
					docs[leaf][counts[leaf]++] = doc;
				}
			};
		}

		@Override
		public ScoreMode scoreMode() {
			return ScoreMode.COMPLETE_NO_SCORES;
		}
	}
}

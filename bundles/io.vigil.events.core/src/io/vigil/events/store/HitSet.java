package io.vigil.events.store;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.IntroSorter;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

import io.vigil.events.TimeRange;

/**
 * Every event that matched a query in a snapshot, as document numbers per index segment. From it
 * come the count, the histogram, facets and the sorted order of the results, without running the
 * query again. Valid while its snapshot is open; not thread-safe.
 */
public final class HitSet {

	private final List<LeafReaderContext> leaves;
	private final int[][] docs;
	private final int[] counts;
	private final long size;

	HitSet(List<LeafReaderContext> leaves, int[][] docs, int[] counts) {
		this.leaves = leaves;
		this.docs = docs;
		this.counts = counts;
		long total = 0;
		for (int count : counts) {
			total += count;
		}
		this.size = total;
	}

	/** Returns the number of matching events. */
	public long size() {
		return size;
	}

	/**
	 * Counts the matches per time bucket over a range; an open end of the range is closed at the
	 * oldest or newest match.
	 *
	 * @param maxBuckets the most buckets wanted; round widths give at most this many
	 */
	public Histogram histogram(TimeRange range, int maxBuckets) throws IOException {
		long first = range.from() != null ? range.fromMillis() : bound(true);
		long last = range.to() != null ? range.lastMillis() : bound(false);
		if (size == 0 && (range.from() == null || range.to() == null)) {
			return new Histogram(range.from() == null ? Instant.EPOCH : range.from(), Duration.ofHours(1), new long[0]);
		}
		Duration width = Histogram.widthFor(Duration.ofMillis(Math.max(last - first + 1, 1)), maxBuckets);
		long widthMillis = width.toMillis();
		long start = Math.floorDiv(first, widthMillis) * widthMillis;
		int buckets = (int) ((last - start) / widthMillis) + 1;
		long[] histogram = new long[buckets];
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			NumericDocValues times = DocValues.getNumeric(leaves.get(leaf).reader(), IndexFields.TIME);
			for (int i = 0; i < counts[leaf]; i++) {
				if (times.advanceExact(docs[leaf][i])) {
					long bucket = (times.longValue() - start) / widthMillis;
					if (bucket >= 0 && bucket < buckets) {
						histogram[(int) bucket]++;
					}
				}
			}
		}
		return new Histogram(Instant.ofEpochMilli(start), width, histogram);
	}

	/** Returns the oldest (or newest) match time. */
	private long bound(boolean oldest) throws IOException {
		long bound = oldest ? Long.MAX_VALUE : Long.MIN_VALUE;
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			NumericDocValues times = DocValues.getNumeric(leaves.get(leaf).reader(), IndexFields.TIME);
			for (int i = 0; i < counts[leaf]; i++) {
				if (times.advanceExact(docs[leaf][i])) {
					bound = oldest ? Math.min(bound, times.longValue()) : Math.max(bound, times.longValue());
				}
			}
		}
		return bound;
	}

	/**
	 * Returns the most frequent values of a field among the matches, most frequent first (ties in
	 * value order).
	 */
	public List<FacetCount> facet(String path, int top) throws IOException {
		Map<String, Long> frequencies = new HashMap<>();
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			countLeaf(leaf, path, frequencies);
		}
		return FacetCount.top(frequencies, top);
	}

	/** Counts one segment by its own ordinals, then adds the counts by value. */
	private void countLeaf(int leaf, String path, Map<String, Long> frequencies) throws IOException {
		if (counts[leaf] == 0) {
			return;
		}
		SortedSetDocValues values = DocValues.getSortedSet(leaves.get(leaf).reader(), path);
		long valueCount = values.getValueCount();
		if (valueCount == 0) {
			return;
		}
		long[] perOrd = new long[(int) valueCount];
		for (int i = 0; i < counts[leaf]; i++) {
			if (values.advanceExact(docs[leaf][i])) {
				for (int v = 0; v < values.docValueCount(); v++) {
					perOrd[(int) values.nextOrd()]++;
				}
			}
		}
		for (int ord = 0; ord < perOrd.length; ord++) {
			if (perOrd[ord] > 0) {
				frequencies.merge(values.lookupOrd(ord).utf8ToString(), perOrd[ord], Long::sum);
			}
		}
	}

	private OrdinalMap ordinalMap(String path) throws IOException {
		SortedSetDocValues[] perLeaf = new SortedSetDocValues[leaves.size()];
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			perLeaf[leaf] = DocValues.getSortedSet(leaves.get(leaf).reader(), path);
		}
		return OrdinalMap.build(null, perLeaf, PackedInts.DEFAULT);
	}

	/**
	 * Returns the matches in display order.
	 *
	 * @param path the field to sort by, or {@code null} for the event time
	 * @param descending whether the largest value (the newest event) comes first; events without
	 *            the field come last either way, and ties keep the newest first
	 */
	public Hits sorted(String path, boolean descending) throws IOException {
		int[] bases = new int[leaves.size()];
		int[] concatenated = concatenate(bases);
		int[] byTime = mergeByTime(bases);
		if (path == null) {
			int[] order = new int[byTime.length];
			for (int i = 0; i < byTime.length; i++) {
				order[descending ? i : byTime.length - 1 - i] = concatenated[byTime[i]];
			}
			return new Hits(order);
		}
		long[] keys = keys(path, bases);
		return new Hits(sortByKey(concatenated, byTime, keys, descending));
	}

	/** Writes the global document numbers of all hits, leaf by leaf; bases gets each leaf's offset. */
	private int[] concatenate(int[] bases) {
		int[] all = new int[(int) size];
		int offset = 0;
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			bases[leaf] = offset;
			int docBase = leaves.get(leaf).docBase;
			for (int i = 0; i < counts[leaf]; i++) {
				all[offset++] = docBase + docs[leaf][i];
			}
		}
		return all;
	}

	/**
	 * Orders the hits newest first, as indexes into the concatenated hits: each leaf's hits are
	 * sorted by time, then the leaves are merged.
	 */
	private int[] mergeByTime(int[] bases) throws IOException {
		int[] order = new int[(int) size];
		PriorityQueue<LeafCursor> queue = new PriorityQueue<>(Math.max(1, leaves.size()),
				(a, b) -> Long.compare(b.time(), a.time()));
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			if (counts[leaf] > 0) {
				queue.add(new LeafCursor(bases[leaf], newestFirst(leaf)));
			}
		}
		int out = 0;
		while (!queue.isEmpty()) {
			LeafCursor cursor = queue.poll();
			order[out++] = cursor.base + cursor.positions[cursor.next];
			if (++cursor.next < cursor.positions.length) {
				queue.add(cursor);
			}
		}
		return order;
	}

	/** Returns one leaf's hit positions sorted newest first (ties in document order), with their times. */
	private SortedLeaf newestFirst(int leaf) throws IOException {
		int count = counts[leaf];
		long[] times = new long[count];
		NumericDocValues values = DocValues.getNumeric(leaves.get(leaf).reader(), IndexFields.TIME);
		for (int i = 0; i < count; i++) {
			times[i] = values.advanceExact(docs[leaf][i]) ? values.longValue() : Long.MIN_VALUE;
		}
		int[] positions = new int[count];
		for (int i = 0; i < count; i++) {
			positions[i] = i;
		}
		new IntroSorter() {
			private int pivot;

			@Override
			protected void setPivot(int i) {
				pivot = positions[i];
			}

			@Override
			protected int comparePivot(int j) {
				return newerFirst(pivot, positions[j]);
			}

			@Override
			protected int compare(int i, int j) {
				return newerFirst(positions[i], positions[j]);
			}

			private int newerFirst(int a, int b) {
				int byTime = Long.compare(times[b], times[a]);
				return byTime != 0 ? byTime : Integer.compare(a, b);
			}

			@Override
			protected void swap(int i, int j) {
				int swapped = positions[i];
				positions[i] = positions[j];
				positions[j] = swapped;
			}
		}.sort(0, count);
		return new SortedLeaf(positions, times);
	}

	/** One leaf's hits in time order: positions into the leaf's hits, and every hit's time. */
	private record SortedLeaf(int[] positions, long[] times) {
	}

	/** The next hit of one leaf during the merge by time. */
	private static final class LeafCursor {
		final int base;
		final int[] positions;
		final long[] times;
		int next;

		LeafCursor(int base, SortedLeaf leaf) {
			this.base = base;
			this.positions = leaf.positions();
			this.times = leaf.times();
		}

		long time() {
			return times[positions[next]];
		}
	}

	/** Reads each hit's sort key for a path; {@link Long#MAX_VALUE} marks a missing value. */
	private long[] keys(String path, int[] bases) throws IOException {
		long[] keys = new long[(int) size];
		boolean numeric = isNumeric(path);
		OrdinalMap map = numeric ? null : ordinalMap(path);
		for (int leaf = 0; leaf < leaves.size(); leaf++) {
			var reader = leaves.get(leaf).reader();
			SortedNumericDocValues numbers = numeric ? DocValues.getSortedNumeric(reader, IndexFields.number(path)) : null;
			SortedSetDocValues values = numeric ? null : DocValues.getSortedSet(reader, path);
			LongValues toGlobal = numeric ? null : map.getGlobalOrds(leaf);
			for (int i = 0; i < counts[leaf]; i++) {
				int doc = docs[leaf][i];
				long key = Long.MAX_VALUE;
				if (numeric && numbers.advanceExact(doc)) {
					key = numbers.nextValue();
				} else if (!numeric && values.advanceExact(doc)) {
					key = toGlobal.get(values.nextOrd());
				}
				keys[bases[leaf] + i] = key;
			}
		}
		return keys;
	}

	/** Whether a path sorts as numbers: every event that has it has a number there. */
	private boolean isNumeric(String path) throws IOException {
		boolean anyNumber = false;
		for (LeafReaderContext leaf : leaves) {
			var infos = leaf.reader().getFieldInfos();
			boolean number = infos.fieldInfo(IndexFields.number(path)) != null;
			boolean text = infos.fieldInfo(IndexFields.text(path)) != null;
			if (text) {
				return false;
			}
			anyNumber |= number;
		}
		return anyNumber;
	}

	private static int[] sortByKey(int[] concatenated, int[] byTime, long[] keys, boolean descending) {
		int[] perm = new int[byTime.length];
		for (int i = 0; i < perm.length; i++) {
			perm[i] = i;
		}
		new IntroSorter() {
			private long pivotKey;
			private int pivotRank;

			@Override
			protected void setPivot(int i) {
				pivotRank = perm[i];
				pivotKey = keys[byTime[pivotRank]];
			}

			@Override
			protected int comparePivot(int j) {
				return compareKeys(pivotKey, pivotRank, keys[byTime[perm[j]]], perm[j]);
			}

			@Override
			protected int compare(int i, int j) {
				return compareKeys(keys[byTime[perm[i]]], perm[i], keys[byTime[perm[j]]], perm[j]);
			}

			private int compareKeys(long a, int rankA, long b, int rankB) {
				if (a != b) {
					if (a == Long.MAX_VALUE || b == Long.MAX_VALUE) {
						return a == Long.MAX_VALUE ? 1 : -1;
					}
					return descending ? Long.compare(b, a) : Long.compare(a, b);
				}
				return Integer.compare(rankA, rankB);
			}

			@Override
			protected void swap(int i, int j) {
				int swapped = perm[i];
				perm[i] = perm[j];
				perm[j] = swapped;
			}
		}.sort(0, perm.length);
		int[] order = perm;
		for (int i = 0; i < order.length; i++) {
			order[i] = concatenated[byTime[order[i]]];
		}
		return order;
	}
}

package io.vigil.events.store;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts of matching events per time bucket. Bucket {@code i} covers
 * {@code [start + i * width, start + (i + 1) * width)}.
 *
 * @param start the start of the first bucket
 * @param width the width of every bucket
 * @param counts the number of events in each bucket
 */
public record Histogram(Instant start, Duration width, long[] counts) {

	/** The widths buckets snap to, so that bucket edges fall on round times. */
	private static final Duration[] WIDTHS = { Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(10),
			Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
			Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
			Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365) };

	/** Returns the number of buckets. */
	public int size() {
		return counts.length;
	}

	/** Returns the end of the last bucket. */
	public Instant end() {
		return start.plus(width.multipliedBy(counts.length));
	}

	/** Returns the start of bucket {@code i}. */
	public Instant bucketStart(int i) {
		return start.plus(width.multipliedBy(i));
	}

	/** Returns the largest bucket count. */
	public long max() {
		long max = 0;
		for (long count : counts) {
			max = Math.max(max, count);
		}
		return max;
	}

	/** Returns the sum of all buckets. */
	public long total() {
		long total = 0;
		for (long count : counts) {
			total += count;
		}
		return total;
	}

	/**
	 * Returns the round bucket width that cuts a span into at most {@code maxBuckets} buckets.
	 */
	public static Duration widthFor(Duration span, int maxBuckets) {
		for (Duration width : WIDTHS) {
			if (span.dividedBy(width) < maxBuckets) {
				return width;
			}
		}
		return WIDTHS[WIDTHS.length - 1].multipliedBy(span.dividedBy(WIDTHS[WIDTHS.length - 1]) / maxBuckets + 1);
	}
}

package io.vigil.events;

import java.time.Instant;

/**
 * A span of event time: {@code from} inclusive, {@code to} exclusive; either end may be open
 * ({@code null}).
 *
 * @param from the first instant in the range, or {@code null} for no lower bound
 * @param to the first instant after the range, or {@code null} for no upper bound
 */
public record TimeRange(Instant from, Instant to) {

	/** The range without bounds. */
	public static final TimeRange ALL = new TimeRange(null, null);

	/** Checks that the range is not reversed. */
	public TimeRange {
		if (from != null && to != null && to.isBefore(from)) {
			throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
		}
	}

	/** Returns whether an instant lies in the range. */
	public boolean contains(Instant instant) {
		return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
	}

	/** Returns whether the range overlaps the span [start, end). */
	public boolean overlaps(Instant start, Instant end) {
		return (from == null || from.isBefore(end)) && (to == null || to.isAfter(start));
	}

	/** Returns the lower bound in epoch milliseconds, or {@link Long#MIN_VALUE}. */
	public long fromMillis() {
		return from == null ? Long.MIN_VALUE : from.toEpochMilli();
	}

	/** Returns the last included epoch millisecond, or {@link Long#MAX_VALUE}. */
	public long lastMillis() {
		return to == null ? Long.MAX_VALUE : to.toEpochMilli() - 1;
	}

	/** Returns whether both ends are open. */
	public boolean isAll() {
		return from == null && to == null;
	}
}

package io.vigil.incidents.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The time ruler's ticks: a round step chosen so that labels stay apart at the current zoom, and
 * labels that show only what changes at that step (days, minutes, seconds or milliseconds). UTC.
 */
final class TimelineRuler {

	private static final List<Duration> STEPS = List.of(Duration.ofMillis(1), Duration.ofMillis(2),
			Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
			Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1),
			Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(15),
			Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
			Duration.ofMinutes(10), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
			Duration.ofHours(2), Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1),
			Duration.ofDays(2), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(91),
			Duration.ofDays(365));
	private static final DateTimeFormatter DAY = pattern("yyyy-MM-dd");
	private static final DateTimeFormatter MINUTE = pattern("MM-dd HH:mm");
	private static final DateTimeFormatter SECOND = pattern("HH:mm:ss");
	private static final DateTimeFormatter MILLI = pattern("HH:mm:ss.SSS");
	private static final DateTimeFormatter FULL = pattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'");
	private static final DateTimeFormatter TIME_OF_DAY = pattern("HH:mm:ss.SSS 'UTC'");

	private final Duration step;

	private TimelineRuler(Duration step) {
		this.step = step;
	}

	private static DateTimeFormatter pattern(String pattern) {
		return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
	}

	/**
	 * Returns the ruler for a visible span over a width, with ticks at least {@code minimumGap}
	 * pixels apart (the largest step when even that is too dense).
	 */
	static TimelineRuler of(Duration span, int width, int minimumGap) {
		double millisPerPixel = span.toNanos() / 1e6 / Math.max(1, width);
		for (Duration step : STEPS) {
			if (step.toMillis() / millisPerPixel >= minimumGap) {
				return new TimelineRuler(step);
			}
		}
		return new TimelineRuler(STEPS.get(STEPS.size() - 1));
	}

	/** Returns the step between ticks. */
	Duration step() {
		return step;
	}

	/** Returns the first tick at or before an instant: a multiple of the step since the epoch. */
	Instant firstTick(Instant from) {
		long stepMillis = step.toMillis();
		return Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), stepMillis) * stepMillis);
	}

	/** Returns a tick's label. */
	String label(Instant tick) {
		if (step.compareTo(Duration.ofDays(1)) >= 0) {
			return DAY.format(tick);
		}
		if (step.compareTo(Duration.ofMinutes(1)) >= 0) {
			return MINUTE.format(tick);
		}
		return (step.compareTo(Duration.ofSeconds(1)) >= 0 ? SECOND : MILLI).format(tick);
	}

	/** Returns an instant's day, for the ruler's corner. */
	static String day(Instant instant) {
		return DAY.format(instant);
	}

	/** Returns an instant's time of day, for the ruler's corner. */
	static String timeOfDay(Instant instant) {
		return TIME_OF_DAY.format(instant);
	}

	/** Returns an instant in full, for the details. */
	static String full(Instant instant) {
		return FULL.format(instant);
	}
}

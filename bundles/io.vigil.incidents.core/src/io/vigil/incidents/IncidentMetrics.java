package io.vigil.incidents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An incident's response times, computed from its key dates: time to detect (from its start to
 * detection), and to verify, contain and mitigate (from detection). A measure whose dates are not
 * both known has no value (it is not zero).
 *
 * @param incidentId the incident
 * @param start where time to detect starts: the chosen start, else the first promoted event (or
 *            item) that happened; {@code null} when there is none
 * @param values the measures that have a value
 */
public record IncidentMetrics(String incidentId, Instant start, Map<Measure, Duration> values) {

	/** Copies the values. */
	public IncidentMetrics {
		values = Collections.unmodifiableMap(values.isEmpty() ? new EnumMap<>(Measure.class) : new EnumMap<>(values));
	}

	/** Returns the metrics of an incident, starting at its first promoted event (or item). */
	public static IncidentMetrics of(Incident incident) {
		return of(incident, firstOccurrence(incident).orElse(null));
	}

	/** Returns the metrics of an incident with a chosen start ({@code null} for none). */
	public static IncidentMetrics of(Incident incident, Instant start) {
		KeyDates dates = incident.dates();
		Map<Measure, Duration> values = new EnumMap<>(Measure.class);
		for (Measure measure : Measure.values()) {
			Instant from = measure == Measure.TIME_TO_DETECT ? start : dates.detected();
			Optional<Instant> to = dates.get(measure.end());
			if (from != null && to.isPresent()) {
				values.put(measure, Duration.between(from, to.get()));
			}
		}
		return new IncidentMetrics(incident.id(), start, values);
	}

	private static Optional<Instant> firstOccurrence(Incident incident) {
		Optional<Instant> firstEvent = incident.items().stream().filter(item -> item.kind() == ItemKind.EVENT)
				.map(PromotedItem::occurred).min(Instant::compareTo);
		return firstEvent.isPresent() ? firstEvent
				: incident.items().stream().map(PromotedItem::occurred).min(Instant::compareTo);
	}

	/** Returns a measure, empty when its dates are not both known. */
	public Optional<Duration> get(Measure measure) {
		return Optional.ofNullable(values.get(measure));
	}

	/**
	 * A measure over several incidents.
	 *
	 * @param measure what is measured
	 * @param count how many incidents have a value
	 * @param median the median value, {@code null} when none has one
	 * @param mean the mean value, {@code null} when none has one
	 */
	public record Summary(Measure measure, int count, Duration median, Duration mean) {

		/** Returns the median, empty when no incident has a value. */
		public Optional<Duration> medianValue() {
			return Optional.ofNullable(median);
		}

		/** Returns the mean, empty when no incident has a value. */
		public Optional<Duration> meanValue() {
			return Optional.ofNullable(mean);
		}
	}

	/**
	 * Returns each measure over incidents: how many have a value, and its median and mean over
	 * those (the median of an even count is the mean of the two middle values).
	 */
	public static Map<Measure, Summary> summarize(List<IncidentMetrics> metrics) {
		Map<Measure, Summary> summaries = new EnumMap<>(Measure.class);
		for (Measure measure : Measure.values()) {
			List<Duration> known = new ArrayList<>();
			metrics.forEach(one -> one.get(measure).ifPresent(known::add));
			summaries.put(measure, summary(measure, known));
		}
		return summaries;
	}

	private static Summary summary(Measure measure, List<Duration> known) {
		if (known.isEmpty()) {
			return new Summary(measure, 0, null, null);
		}
		Collections.sort(known);
		int size = known.size();
		Duration median = size % 2 == 1 ? known.get(size / 2)
				: known.get(size / 2 - 1).plus(known.get(size / 2)).dividedBy(2);
		Duration total = known.stream().reduce(Duration.ZERO, Duration::plus);
		return new Summary(measure, size, median, total.dividedBy(size));
	}
}

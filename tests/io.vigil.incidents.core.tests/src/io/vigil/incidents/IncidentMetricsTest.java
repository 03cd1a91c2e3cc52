package io.vigil.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IncidentMetricsTest {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static Incident incident(KeyDates dates, List<PromotedItem> items) {
		return new Incident("inc-aaaaaaaaaa", IncidentFields.titled("m").withDates(dates), IncidentStatus.OPEN,
				IncidentPhase.IDENTIFICATION, List.of(), List.of(), T0, T0, List.of(), List.of(), List.of(), List.of(),
				items, List.of(), List.of());
	}

	private static PromotedItem item(ItemKind kind, Instant occurred) {
		return PromotedItem.of(kind, occurred.toString(), "{}", occurred, occurred, "", "", "", "");
	}

	@Test
	void measuresComeFromTheDatesAndTheFirstEvent() {
		KeyDates dates = new KeyDates(T0.plusSeconds(3600), null, T0.plusSeconds(5400), T0.plusSeconds(7200), null, null);
		Incident incident = incident(dates, List.of(item(ItemKind.ALERT, T0.minusSeconds(999)),
				item(ItemKind.EVENT, T0.plusSeconds(600)), item(ItemKind.EVENT, T0)));

		IncidentMetrics metrics = IncidentMetrics.of(incident);

		assertEquals(T0, metrics.start(), "the first event, not the earlier alert");
		assertEquals(Duration.ofHours(1), metrics.get(Measure.TIME_TO_DETECT).orElseThrow());
		assertEquals(Duration.ofMinutes(30), metrics.get(Measure.TIME_TO_VERIFY).orElseThrow());
		assertEquals(Duration.ofHours(1), metrics.get(Measure.TIME_TO_CONTAIN).orElseThrow());
		assertTrue(metrics.get(Measure.TIME_TO_MITIGATE).isEmpty(), "no mitigated date, no value (not zero)");
		assertEquals(Duration.ofMinutes(30),
				IncidentMetrics.of(incident, T0.plusSeconds(1800)).get(Measure.TIME_TO_DETECT).orElseThrow());
	}

	@Test
	void missingDatesGiveNoValues() {
		IncidentMetrics none = IncidentMetrics.of(incident(KeyDates.NONE, List.of()));
		assertTrue(none.values().isEmpty());
		IncidentMetrics noStart = IncidentMetrics.of(incident(KeyDates.NONE.with(KeyDate.DETECTED, T0), List.of()));
		assertTrue(noStart.get(Measure.TIME_TO_DETECT).isEmpty(), "no event and no chosen start");
	}

	@Test
	void summariesCountOnlyKnownValues() {
		List<IncidentMetrics> metrics = List.of(
				IncidentMetrics.of(incident(new KeyDates(T0, null, null, T0.plusSeconds(60), null, null), List.of())),
				IncidentMetrics.of(incident(new KeyDates(T0, null, null, T0.plusSeconds(120), null, null), List.of())),
				IncidentMetrics.of(incident(new KeyDates(T0, null, null, T0.plusSeconds(600), null, null), List.of())),
				IncidentMetrics.of(incident(new KeyDates(T0, null, null, T0.plusSeconds(1000), null, null), List.of())),
				IncidentMetrics.of(incident(KeyDates.NONE, List.of())));

		Map<Measure, IncidentMetrics.Summary> summary = IncidentMetrics.summarize(metrics);

		IncidentMetrics.Summary contain = summary.get(Measure.TIME_TO_CONTAIN);
		assertEquals(4, contain.count());
		assertEquals(Duration.ofSeconds(360), contain.median(), "the mean of the two middle values");
		assertEquals(Duration.ofSeconds(445), contain.mean());
		assertEquals(0, summary.get(Measure.TIME_TO_VERIFY).count());
		assertTrue(summary.get(Measure.TIME_TO_VERIFY).medianValue().isEmpty());
	}
}

package io.vigil.incidents.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimelineViewportTest {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
	private static final Instant T1 = T0.plus(Duration.ofHours(10));

	private static TimelineEntry entry(String id, Instant when, String host) {
		return new TimelineEntry("event:" + id, EntryKind.EVENT, when, when, id, host, "", "", "event", id, false,
				List.of(), "");
	}

	@Test
	void fitAllShowsTheWholeSpanWithMargins() {
		TimelineViewport viewport = new TimelineViewport(T0, T1, 1000);
		assertTrue(viewport.start().isBefore(T0));
		assertTrue(viewport.end().isAfter(T1));
		assertEquals(Duration.ofHours(10).multipliedBy(104).dividedBy(100).toMillis(), viewport.span().toMillis());
		assertEquals(500, viewport.x(T0.plus(Duration.ofHours(5))), 0.001, "the middle is in the middle");
		assertEquals(T0.plus(Duration.ofHours(5)), viewport.time(500));
	}

	@Test
	void zoomKeepsTheAnchorAndIsClamped() {
		TimelineViewport viewport = new TimelineViewport(T0, T1, 1000);
		Instant anchored = viewport.time(250);
		viewport.zoom(4, 250);
		assertEquals(anchored.toEpochMilli(), viewport.time(250).toEpochMilli());
		assertEquals(viewport.maximumSpan().dividedBy(4).toMillis(), viewport.span().toMillis(), 1);

		for (int i = 0; i < 100; i++) {
			viewport.zoom(10, 250);
		}
		assertEquals(Duration.ofMillis(1000), viewport.span(), "one millisecond per pixel at most");
		for (int i = 0; i < 100; i++) {
			viewport.zoom(0.1, 250);
		}
		assertEquals(viewport.maximumSpan(), viewport.span(), "never more than the whole span");
		assertThrows(IllegalArgumentException.class, () -> viewport.zoom(0, 10));
	}

	@Test
	void panMovesByPixelsOrFractionsAndStopsAtTheEnds() {
		TimelineViewport viewport = new TimelineViewport(T0, T1, 1000);
		viewport.zoom(10, 0);
		Instant start = viewport.start();
		Duration span = viewport.span();
		viewport.pan(100);
		assertEquals(start.plus(span.dividedBy(10)).toEpochMilli(), viewport.start().toEpochMilli(), 1);
		viewport.panFraction(-0.5);
		assertEquals(start, viewport.start(), "it was zoomed at the start, so panning back stops there");
		viewport.panFraction(1000);
		assertTrue(!viewport.end().isBefore(T1) && viewport.end().isBefore(T1.plus(Duration.ofHours(1))),
				"panning stops after the last entry: " + viewport.end());
		viewport.panFraction(-1000);
		assertTrue(!viewport.start().isAfter(T0) && viewport.start().isAfter(T0.minus(Duration.ofHours(1))),
				"and before the first: " + viewport.start());
		assertEquals(span, viewport.span(), "panning keeps the span");
	}

	@Test
	void lanesAndHitTesting() {
		Timeline timeline = Timeline.of(List.of(entry("a", T0, "web1"), entry("b", T0.plus(Duration.ofHours(5)), "web1"),
				entry("c", T0.plus(Duration.ofHours(5)).plusSeconds(30), "db1"), entry("d", T1, "db1")));
		TimelineViewport viewport = TimelineViewport.of(timeline, 1000);
		viewport.setLanes(30, 20);
		List<Lane> lanes = timeline.lanes(LaneKey.HOST);

		assertEquals(List.of("db1", "web1"), lanes.stream().map(Lane::name).toList());
		assertEquals(50, viewport.laneTop(1));
		assertEquals(60, viewport.laneMiddle(1));
		assertEquals(-1, viewport.laneAt(10, lanes.size()), "the axis is above the lanes");
		assertEquals(0, viewport.laneAt(35, lanes.size()));
		assertEquals(1, viewport.laneAt(69, lanes.size()));
		assertEquals(-1, viewport.laneAt(71, lanes.size()), "below the last lane");

		double xb = viewport.x(T0.plus(Duration.ofHours(5)));
		assertEquals(List.of("event:b"), keys(viewport.hits(lanes, xb + 2, 60, 5)));
		assertEquals(List.of("event:c"), keys(viewport.hits(lanes, xb + 2, 40, 5)));
		assertEquals(List.of(), keys(viewport.hits(lanes, xb + 200, 40, 5)));
		assertEquals(List.of("event:c", "event:b"), keys(viewport.hits(timeline, viewport.x(
				T0.plus(Duration.ofHours(5)).plusSeconds(29)), 5)), "nearest first");
		viewport.show(T0.minusSeconds(1), T0.plusSeconds(60));
		assertEquals(List.of("event:a"), keys(viewport.visible(timeline)));
	}

	@Test
	void aTimelineAtOneInstantShowsAMinute() {
		TimelineViewport viewport = new TimelineViewport(T0, T0, 800);
		assertTrue(viewport.span().compareTo(TimelineViewport.MINIMUM_FIT) >= 0);
		assertEquals(400, viewport.x(T0), 0.001);
	}

	private static List<String> keys(List<TimelineEntry> entries) {
		return entries.stream().map(TimelineEntry::key).toList();
	}
}

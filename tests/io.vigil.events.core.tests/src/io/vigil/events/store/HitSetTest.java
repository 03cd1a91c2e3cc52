package io.vigil.events.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.events.TimeRange;

class HitSetTest {

	@TempDir
	Path folder;

	private StoreFixture fill() throws IOException {
		StoreFixture fixture = new StoreFixture(folder);
		// Three commits make several segments per partition, so that merging across them is tested.
		fixture.add(event("2026-12-01T10:00:00Z", "web2", 22), event("2026-12-02T10:00:00Z", "web1", 443));
		fixture.add(event("2026-12-01T12:00:00Z", "db1", 5432), event("2026-12-02T08:00:00Z", "web1", 80));
		fixture.add(event("2026-12-01T11:00:00Z", "web1", 22), "{\"utctimestamp\": \"2026-12-02T09:00:00Z\"}");
		return fixture;
	}

	private static String event(String time, String host, int port) {
		return "{\"utctimestamp\": \"" + time + "\", \"hostname\": \"" + host + "\", \"details\": {\"port\": " + port
				+ "}}";
	}

	@Test
	void sortsByTimeBothWays() throws IOException {
		try (StoreFixture fixture = fill(); StoreSnapshot snapshot = fixture.snapshot()) {
			HitSet hits = snapshot.collect(new MatchAllDocsQuery());

			assertEquals(List.of("2026-12-02T10", "2026-12-02T09", "2026-12-02T08", "2026-12-01T12", "2026-12-01T11",
					"2026-12-01T10"), hours(snapshot, hits.sorted(null, true)));
			assertEquals("2026-12-01T10", hours(snapshot, hits.sorted(null, false)).get(0));
		}
	}

	@Test
	void sortsByKeywordWithMissingValuesLastAndTiesNewestFirst() throws IOException {
		try (StoreFixture fixture = fill(); StoreSnapshot snapshot = fixture.snapshot()) {
			Hits byHost = snapshot.collect(new MatchAllDocsQuery()).sorted("hostname", false);

			assertEquals(List.of("db1", "web1", "web1", "web1", "web2", ""), column(snapshot, byHost, "hostname"));
			assertEquals(List.of("2026-12-01T12", "2026-12-02T10", "2026-12-02T08", "2026-12-01T11", "2026-12-01T10",
					"2026-12-02T09"), hours(snapshot, byHost));
			Hits descending = snapshot.collect(new MatchAllDocsQuery()).sorted("hostname", true);
			assertEquals(List.of("web2", "web1", "web1", "web1", "db1", ""), column(snapshot, descending, "hostname"));
		}
	}

	@Test
	void sortsNumbersAsNumbers() throws IOException {
		try (StoreFixture fixture = fill(); StoreSnapshot snapshot = fixture.snapshot()) {
			Hits byPort = snapshot.collect(new MatchAllDocsQuery()).sorted("details.port", false);

			assertEquals(List.of("22", "22", "80", "443", "5432", ""), column(snapshot, byPort, "details.port"));
			Hits descending = snapshot.collect(new MatchAllDocsQuery()).sorted("details.port", true);
			assertEquals(List.of("5432", "443", "80", "22", "22", ""), column(snapshot, descending, "details.port"));
		}
	}

	@Test
	void facetsCountValuesMostFrequentFirst() throws IOException {
		try (StoreFixture fixture = fill(); StoreSnapshot snapshot = fixture.snapshot()) {
			List<FacetCount> hosts = snapshot.collect(new MatchAllDocsQuery()).facet("hostname", 2);

			assertEquals(List.of(new FacetCount("web1", 3), new FacetCount("db1", 1)), hosts);
		}
	}

	@Test
	void histogramCountsPerBucketWithinTheRange() throws IOException {
		try (StoreFixture fixture = fill(); StoreSnapshot snapshot = fixture.snapshot()) {
			TimeRange day = new TimeRange(Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-12-02T00:00:00Z"));
			Histogram histogram = snapshot.collect(new MatchAllDocsQuery()).histogram(day, 30);

			assertEquals(Duration.ofHours(1), histogram.width());
			assertEquals(24, histogram.size());
			assertEquals(1, histogram.counts()[10]);
			assertEquals(1, histogram.counts()[11]);
			assertEquals(1, histogram.counts()[12]);
			assertEquals(3, histogram.total());
		}
	}

	@Test
	void histogramOfAnOpenRangeSpansTheMatches() throws IOException {
		try (StoreFixture fixture = fill(); StoreSnapshot snapshot = fixture.snapshot()) {
			Histogram histogram = snapshot.collect(new MatchAllDocsQuery()).histogram(TimeRange.ALL, 100);

			assertEquals(Instant.parse("2026-12-01T10:00:00Z"), histogram.start());
			assertEquals(6, histogram.total());
		}
	}

	private static List<String> hours(StoreSnapshot snapshot, Hits hits) throws IOException {
		List<String> hours = new ArrayList<>();
		for (StoredEvent event : snapshot.events(hits, 0, hits.size())) {
			hours.add(event.time().toString().substring(0, 13));
		}
		return hours;
	}

	private static List<String> column(StoreSnapshot snapshot, Hits hits, String path) throws IOException {
		return snapshot.events(hits, 0, hits.size()).stream().map(event -> event.text(path)).toList();
	}
}

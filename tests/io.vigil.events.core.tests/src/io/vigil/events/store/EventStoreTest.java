package io.vigil.events.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.lucene.search.MatchAllDocsQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.events.TimeRange;

class EventStoreTest {

	@TempDir
	Path folder;

	private static final String DAY1 = "{\"utctimestamp\": \"2026-12-01T10:00:00Z\", \"summary\": \"one\"}";
	private static final String DAY2 = "{\"utctimestamp\": \"2026-12-02T10:00:00Z\", \"summary\": \"two\"}";
	private static final String DAY2_LATER = "{\"utctimestamp\": \"2026-12-02T23:59:59Z\", \"summary\": \"three\"}";

	@Test
	void partitionsByUtcDay() throws IOException {
		try (StoreFixture fixture = StoreFixture.with(folder, DAY1, DAY2, DAY2_LATER)) {
			assertEquals(List.of(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-02")), fixture.store().days());
			assertTrue(Files.isDirectory(folder.resolve("2026-12-02")));
			try (StoreSnapshot day2 = fixture.store().snapshot(
					new TimeRange(Instant.parse("2026-12-02T00:00:00Z"), Instant.parse("2026-12-03T00:00:00Z")))) {
				assertEquals(2, day2.count(new MatchAllDocsQuery()));
			}
		}
	}

	@Test
	void theSameEventTwiceIsStoredOnce() throws IOException {
		try (StoreFixture fixture = StoreFixture.with(folder, DAY1, DAY1, DAY2, DAY1)) {
			try (StoreSnapshot snapshot = fixture.snapshot()) {
				assertEquals(2, snapshot.count(new MatchAllDocsQuery()));
			}
		}
	}

	@Test
	void anEventStoredBeforeTheStoreOpenedIsReplacedNotDuplicated() throws IOException {
		try (StoreFixture fixture = StoreFixture.with(folder, DAY1, DAY2)) {
			assertEquals(2, fixture.store().days().size());
		}
		try (StoreFixture fixture = StoreFixture.with(folder, DAY2, DAY1, DAY2_LATER); StoreSnapshot snapshot = fixture.snapshot()) {
			assertEquals(3, snapshot.count(new MatchAllDocsQuery()));
		}
	}

	@Test
	void threadsAddingTheSameEventsAtOnceStoreEachOnce() throws Exception {
		List<String> events = new java.util.ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			events.add("{\"utctimestamp\": \"2026-12-01T10:00:00Z\", \"summary\": \"event " + i + "\"}");
		}
		try (StoreFixture fixture = new StoreFixture(folder)) {
			List<Thread> threads = new java.util.ArrayList<>();
			java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
			for (int t = 0; t < 4; t++) {
				Thread thread = new Thread(() -> {
					try {
						fixture.add(events.toArray(String[]::new));
					} catch (IOException | RuntimeException e) {
						failure.set(e);
					}
				}, "test adder " + t);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join(60_000);
			}
			assertEquals(null, failure.get());
			try (StoreSnapshot snapshot = fixture.snapshot()) {
				assertEquals(2000, snapshot.count(new MatchAllDocsQuery()));
			}
		}
	}

	@Test
	void committedEventsSurviveAReopen() throws IOException {
		try (StoreFixture fixture = new StoreFixture(folder)) {
			fixture.add(DAY1, DAY2);
		}
		try (EventStore reopened = EventStore.open(folder); StoreSnapshot snapshot = reopened.snapshot(TimeRange.ALL)) {
			assertEquals(2, snapshot.count(new MatchAllDocsQuery()));
			assertEquals("two", snapshot.top(new MatchAllDocsQuery(), 1, true).get(0).text("summary"));
		}
	}

	@Test
	void aRangeEndIsExclusive() throws IOException {
		try (StoreFixture fixture = StoreFixture.with(folder, DAY1, DAY2, DAY2_LATER);
				StoreSnapshot snapshot = fixture.store().snapshot(
						new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-02T10:00:00Z")))) {
			assertEquals(1, snapshot.count(new MatchAllDocsQuery()));
		}
	}

	@Test
	void retentionDropsWholeDays() throws IOException {
		try (StoreFixture fixture = StoreFixture.with(folder, DAY1, DAY2)) {
			assertEquals(List.of(LocalDate.parse("2026-12-01")), fixture.store().dropBefore(LocalDate.parse("2026-12-02")));
			assertTrue(Files.notExists(folder.resolve("2026-12-01")));
			try (StoreSnapshot snapshot = fixture.snapshot()) {
				assertEquals(1, snapshot.count(new MatchAllDocsQuery()));
			}
		}
	}

	@Test
	void aFolderThatIsNoDayIsAClearError() throws IOException {
		Files.createDirectories(folder.resolve("backup"));

		IOException error = assertThrows(IOException.class, () -> EventStore.open(folder));

		assertTrue(error.getMessage().contains("backup is not named after a day"), error.getMessage());
	}

	@Test
	void newestFirstAcrossPartitions() throws IOException {
		try (StoreFixture fixture = StoreFixture.with(folder, DAY2, DAY1, DAY2_LATER);
				StoreSnapshot snapshot = fixture.snapshot()) {
			List<String> summaries = snapshot.top(new MatchAllDocsQuery(), 3, true).stream()
					.map(event -> event.text("summary")).toList();
			assertEquals(List.of("three", "two", "one"), summaries);
			assertEquals("one", snapshot.top(new MatchAllDocsQuery(), 1, false).get(0).text("summary"));
		}
	}
}

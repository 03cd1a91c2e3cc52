package io.vigil.events.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.TimeRange;
import io.vigil.events.internal.read.JsonSupport;

/** The live events' journal: what a crash leaves in it comes back when the store opens. */
class EventJournalTest {

	@TempDir
	Path folder;

	private static String id(int n) {
		return String.format(java.util.Locale.ROOT, "%032x", n);
	}

	/** Adds an event to a store and its journal, the way live intake does. */
	private static void addLive(EventStore store, int n) throws IOException {
		Instant time = Instant.parse("2026-12-04T10:00:00Z").plusSeconds(n);
		ObjectNode event = JsonSupport.MAPPER.createObjectNode();
		event.put("utctimestamp", time.toString());
		event.put("summary", "live event " + n);
		byte[] json = JsonSupport.MAPPER.writeValueAsBytes(event);
		store.add(id(n), time, EventDocuments.build(id(n), time.toEpochMilli(), event, json));
		store.journal().append(id(n), time, json);
	}

	private static long count(EventStore store) throws IOException {
		store.refresh();
		try (StoreSnapshot snapshot = store.snapshot(TimeRange.ALL)) {
			return snapshot.size();
		}
	}

	/** Copies the journal of a store that was never committed, as a crash would leave it. */
	private Path crashCopy(Path journal) throws IOException {
		Path copy = folder.resolve("after-crash");
		Path copied = folder.resolve("after-crash.journal");
		Files.createDirectories(copied);
		try (Stream<Path> segments = Files.list(journal)) {
			for (Path segment : segments.toList()) {
				Files.copy(segment, copied.resolve(segment.getFileName()));
			}
		}
		return copy;
	}

	@Test
	void eventsSyncedButNotCommittedComeBackAfterACrash() throws IOException {
		Path live = folder.resolve("live");
		try (EventStore store = EventStore.open(live)) {
			for (int n = 1; n <= 5; n++) {
				addLive(store, n);
			}
			store.journal().sync();
			Path crashed = crashCopy(folder.resolve("live.journal"));
			try (EventStore reopened = EventStore.open(crashed)) {
				assertEquals(5, count(reopened));
			}
			try (Stream<Path> left = Files.list(folder.resolve("after-crash.journal"))) {
				assertEquals(0, left.count(), "the replay, once committed, empties the journal");
			}
		}
	}

	@Test
	void aRecordCutShortEndsTheReplayWithoutLosingTheOthers() throws IOException {
		Path live = folder.resolve("live");
		try (EventStore store = EventStore.open(live)) {
			for (int n = 1; n <= 3; n++) {
				addLive(store, n);
			}
			store.journal().sync();
			Path crashed = crashCopy(folder.resolve("live.journal"));
			Path segment = onlySegment(folder.resolve("after-crash.journal"));
			try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
				channel.truncate(channel.size() - 5);
			}
			try (EventStore reopened = EventStore.open(crashed)) {
				assertEquals(2, count(reopened));
			}
		}
	}

	@Test
	void aDamagedRecordIsNotReplayed() throws IOException {
		Path live = folder.resolve("live");
		try (EventStore store = EventStore.open(live)) {
			addLive(store, 1);
			store.journal().sync();
			Path crashed = crashCopy(folder.resolve("live.journal"));
			Path segment = onlySegment(folder.resolve("after-crash.journal"));
			byte[] bytes = Files.readAllBytes(segment);
			int summary = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("live event");
			bytes[summary] = 'L';
			Files.write(segment, bytes);
			try (EventStore reopened = EventStore.open(crashed)) {
				assertEquals(0, count(reopened));
			}
		}
	}

	@Test
	void aCommitDropsTheSegmentsItCoversAndAReplayStoresNothingTwice() throws IOException {
		Path live = folder.resolve("live");
		try (EventStore store = EventStore.open(live)) {
			addLive(store, 1);
			addLive(store, 2);
			store.journal().sync();
			store.commitJournal();
			addLive(store, 2);
			addLive(store, 3);
			store.journal().sync();
			List<Path> segments = EventJournal.list(folder.resolve("live.journal"));
			assertEquals(1, segments.size(), "only the segment after the commit is left: " + segments);
			Path crashed = folder.resolve("after-crash");
			// The committed store and the journal left after it, as a crash would leave them.
			copyTree(live, crashed);
			crashCopy(folder.resolve("live.journal"));
			try (EventStore reopened = EventStore.open(crashed)) {
				assertEquals(3, count(reopened));
			}
		}
		assertTrue(EventJournal.list(folder.resolve("live.journal")).isEmpty(), "closing the store empties its journal");
	}

	private static Path onlySegment(Path journal) throws IOException {
		List<Path> segments = EventJournal.list(journal);
		assertEquals(1, segments.size());
		return segments.get(0);
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				} else if (!path.getFileName().toString().equals("write.lock")) {
					Files.copy(path, target);
				}
			}
		}
	}
}

package io.vigil.events.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.TimeRange;

/**
 * The event store of a workspace: Lucene indexes partitioned by UTC day under one directory
 * ({@code WORKSPACE/index/events/2026-12-03/}). Events are written with their stable id, so
 * writing an event again replaces it instead of adding a copy. An event is durable once
 * {@link #commit()} returns after it was added, and visible to searches after the next
 * {@link #refresh()}. Thread-safe: many threads may add while others search.
 */
public final class EventStore implements Closeable {

	private static final double RAM_BUFFER_MB = 64;

	private final Path directory;
	private final ConcurrentSkipListMap<LocalDate, Partition> partitions = new ConcurrentSkipListMap<>();
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
	private final List<Tap> taps = new CopyOnWriteArrayList<>();
	/** Field names per partition reader: readers are shared by snapshots until the next refresh. */
	private final Map<IndexReader, Set<String>> fieldNames = Collections.synchronizedMap(new WeakHashMap<>());
	private ScheduledExecutorService refresher;
	private EventJournal journal;
	private volatile boolean closed;

	private EventStore(Path directory) {
		this.directory = directory;
	}

	/**
	 * Opens the store in a directory, creating it when missing. Partitions left by a crash open
	 * at their last commit.
	 *
	 * @throws IOException if the directory cannot be read or a partition's name is not a day
	 */
	public static EventStore open(Path directory) throws IOException {
		Files.createDirectories(directory);
		EventStore store = new EventStore(directory);
		try (Stream<Path> children = Files.list(directory)) {
			for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
				LocalDate day = parseDay(child);
				store.partitions.put(day, Partition.open(day, child));
			}
			// Live events a crash left in the journal, not yet in a commit, come back now.
			if (EventJournal.replay(journalDirectory(directory), store) > 0) {
				store.refresh();
			}
		} catch (IOException | RuntimeException e) {
			store.close();
			throw e;
		}
		return store;
	}

	private void checkOpen() throws IOException {
		if (closed) {
			// A late writer would open a partition again and hold its lock past the close.
			throw new IOException("the event store " + directory + " is closed");
		}
	}

	private static Path journalDirectory(Path directory) {
		return directory.resolveSibling(directory.getFileName() + ".journal");
	}

	/**
	 * Returns the store's journal for live events, opening it the first time: add an event, then
	 * append it to the journal; a {@link EventJournal#sync()} makes it durable without a commit.
	 */
	public synchronized EventJournal journal() throws IOException {
		checkOpen();
		if (journal == null) {
			journal = EventJournal.open(journalDirectory(directory));
		}
		return journal;
	}

	/**
	 * Commits the store and deletes the journal's segments the commit covers. Live intake calls
	 * this every few seconds instead of {@link #commit()}.
	 */
	public void commitJournal() throws IOException {
		EventJournal current;
		synchronized (this) {
			current = journal;
		}
		if (current == null) {
			commit();
			return;
		}
		long covered = current.rotate();
		commit();
		current.dropThrough(covered);
	}

	private static LocalDate parseDay(Path child) throws IOException {
		try {
			return LocalDate.parse(child.getFileName().toString());
		} catch (DateTimeParseException e) {
			throw new IOException("Event index folder " + child + " is not named after a day (yyyy-mm-dd);"
					+ " move it out of " + child.getParent(), e);
		}
	}

	/** Returns the store's directory. */
	public Path directory() {
		return directory;
	}

	/**
	 * Adds (or replaces) an event.
	 *
	 * @param id the event's stable id
	 * @param time its {@code utctimestamp}; it decides the partition
	 * @param document its document, from {@link EventDocuments#build}
	 */
	public void add(String id, Instant time, Document document) throws IOException {
		checkOpen();
		partitionFor(LocalDate.ofInstant(time, ZoneOffset.UTC)).put(id, document, this::writerConfig);
	}

	/**
	 * Something told about each event as it is added (by ingest and live intake), such as the
	 * rule engine.
	 */
	public interface Tap {

		/**
		 * Called on the adding thread right after an event is added; many threads may call at
		 * once. It must be quick and must not throw: ingest waits for it.
		 */
		void added(String id, Instant time, ObjectNode event);
	}

	/** Adds a tap. */
	public void addTap(Tap tap) {
		taps.add(tap);
	}

	/** Removes a tap. */
	public void removeTap(Tap tap) {
		taps.remove(tap);
	}

	/**
	 * Adds (or replaces) an event, then tells the {@linkplain #addTap taps}.
	 *
	 * @param event the normalized event the document was built from
	 */
	public void add(String id, Instant time, Document document, ObjectNode event) throws IOException {
		add(id, time, document);
		for (Tap tap : taps) {
			tap.added(id, time, event);
		}
	}

	private Partition partitionFor(LocalDate day) throws IOException {
		Partition partition = partitions.get(day);
		if (partition != null) {
			return partition;
		}
		try {
			return partitions.computeIfAbsent(day, key -> {
				try {
					return Partition.open(key, directory.resolve(key.toString()));
				} catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		} catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	private IndexWriterConfig writerConfig() {
		IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
		config.setRAMBufferSizeMB(RAM_BUFFER_MB);
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
		config.setCommitOnClose(true);
		// Waiting at each commit for small merges would stall ingest for each partition in turn.
		config.setMaxFullFlushMergeWaitMillis(0);
		return config;
	}

	/**
	 * Makes every event added before this call durable: after it returns, a crash loses none of
	 * them. Partitions are committed one after another.
	 *
	 * @return whether anything was committed
	 */
	public boolean commit() throws IOException {
		boolean committed = false;
		for (Partition partition : partitions.values()) {
			committed |= partition.commit();
		}
		return committed;
	}

	/**
	 * Waits until every partition's background merges are done, so that a measurement that
	 * follows is not slowed by them.
	 */
	public void awaitMerges() {
		for (Partition partition : partitions.values()) {
			partition.awaitMerges();
		}
	}

	/**
	 * Makes the events added so far visible to snapshots taken from now on, and tells the
	 * listeners when there was anything new.
	 */
	public void refresh() throws IOException {
		boolean changed = false;
		for (Partition partition : partitions.values()) {
			changed |= partition.refresh();
		}
		if (changed) {
			listeners.forEach(Runnable::run);
		}
	}

	/**
	 * Refreshes in the background at an interval, on a thread of its own, until the store
	 * closes. Without it, events become visible only at explicit refreshes.
	 */
	public synchronized void refreshEvery(Duration interval) {
		if (refresher != null) {
			return;
		}
		refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "Vigil event store refresh " + directory.getFileName());
			thread.setDaemon(true);
			return thread;
		});
		long millis = interval.toMillis();
		refresher.scheduleWithFixedDelay(this::refreshQuietly, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void refreshQuietly() {
		try {
			refresh();
		} catch (IOException | RuntimeException e) {
			// A failed reopen leaves the previous view in place; the next round tries again.
		}
	}

	/** Adds a listener run (on the refreshing thread) after a refresh that made new events visible. */
	public void addListener(Runnable listener) {
		listeners.add(listener);
	}

	/** Removes a listener. */
	public void removeListener(Runnable listener) {
		listeners.remove(listener);
	}

	/**
	 * Takes a consistent view of the events in a time range, as of the last refresh. The caller
	 * closes it.
	 */
	public StoreSnapshot snapshot(TimeRange range) throws IOException {
		List<IndexSearcher> acquired = new ArrayList<>();
		try {
			for (Partition partition : partitions.values()) {
				Instant start = partition.day().atStartOfDay(ZoneOffset.UTC).toInstant();
				if (range.overlaps(start, start.plus(Duration.ofDays(1)))) {
					IndexSearcher searcher = partition.acquire();
					if (searcher != null) {
						acquired.add(searcher);
					}
				}
			}
			return new StoreSnapshot(acquired, range,
					reader -> fieldNames.computeIfAbsent(reader, FieldCatalog::names));
		} catch (IOException | RuntimeException e) {
			for (IndexSearcher searcher : acquired) {
				Partition.release(searcher);
			}
			throw e;
		}
	}

	/** Returns the days that hold events, oldest first. */
	public List<LocalDate> days() {
		return List.copyOf(partitions.keySet());
	}

	/**
	 * Drops every partition of a day before the given one, whole: its directory is deleted.
	 * Snapshots taken before keep reading it until they close.
	 *
	 * @return the days dropped
	 */
	public List<LocalDate> dropBefore(LocalDate firstKept) throws IOException {
		List<LocalDate> dropped = new ArrayList<>();
		for (LocalDate day : List.copyOf(partitions.headMap(firstKept).keySet())) {
			Partition partition = partitions.remove(day);
			partition.close();
			deleteTree(partition.path());
			dropped.add(day);
		}
		return dropped;
	}

	private static void deleteTree(Path root) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** Stops refreshing, commits and closes every partition, then empties the journal. */
	@Override
	public void close() throws IOException {
		EventJournal open;
		synchronized (this) {
			closed = true;
			if (refresher != null) {
				refresher.shutdownNow();
				refresher = null;
			}
			open = journal;
			journal = null;
		}
		IOException failure = null;
		for (Partition partition : partitions.values()) {
			try {
				partition.close();
			} catch (IOException e) {
				failure = failure == null ? e : failure;
			}
		}
		partitions.clear();
		if (open != null) {
			open.close();
			if (failure == null) {
				// Closing committed every partition: the journal holds nothing the store lacks.
				open.dropThrough(Long.MAX_VALUE);
			}
		}
		if (failure != null) {
			throw failure;
		}
	}
}

package io.vigil.events.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.events.EventFields;
import io.vigil.events.Normalizer;
import io.vigil.events.Timestamps;
import io.vigil.events.internal.read.JsonSupport;
import io.vigil.events.read.EventInput;
import io.vigil.events.read.EventReader;
import io.vigil.events.read.EventReaders;
import io.vigil.events.read.Format;
import io.vigil.events.read.FormatDetector;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.read.ReaderOptions;
import io.vigil.events.store.EventDocuments;
import io.vigil.events.store.EventIds;
import io.vigil.events.store.EventStore;

/**
 * Reads inputs into the event store: detect the format, read records, normalize them, index them
 * under their stable ids, and commit at intervals. Reading happens on the calling thread;
 * normalizing and indexing on worker threads. Rejected records go to the rejects file with their
 * input, line and reason; a bad record never stops the run. The events counted as stored in
 * progress and in the report are committed: a crash after they were reported loses none.
 */
public final class Ingester {

	private static final int BATCH = 512;

	/**
	 * How often a file ingest commits. Each commit flushes every partition written to, so short
	 * intervals make many small segments that merges must then rewrite; progress reports (which
	 * count only committed events) come at this pace.
	 */
	public static final Duration COMMIT_INTERVAL = Duration.ofSeconds(10);

	/**
	 * How an ingest runs.
	 *
	 * @param format the format of every input, or empty to detect it per input
	 * @param options zone and reference time for the readers (the file name is filled per input)
	 * @param threads the worker threads normalizing and indexing
	 * @param commitInterval how often to commit while reading
	 * @param oldestKept events older than this are rejected, as retention would drop them; or
	 *            {@code null} to keep every event
	 */
	public record Settings(Optional<Format> format, ReaderOptions options, int threads, Duration commitInterval,
			Instant oldestKept) {

		/** Checks the arguments. */
		public Settings {
			Objects.requireNonNull(format, "format");
			Objects.requireNonNull(options, "options");
			if (threads < 1) {
				throw new IllegalArgumentException("at least one worker thread, not " + threads);
			}
		}

		/**
		 * Returns settings that detect formats, commit every {@link #COMMIT_INTERVAL}, and use
		 * {@link #defaultThreads()} workers.
		 */
		public static Settings defaults() {
			return new Settings(Optional.empty(), ReaderOptions.defaults(), defaultThreads(), COMMIT_INTERVAL, null);
		}

		/**
		 * Returns one worker per processor, two to four: the reading thread only splits lines
		 * (workers parse them), so it needs no processor of its own.
		 */
		public static int defaultThreads() {
			return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
		}
	}

	/** One input: a file or folder, or a stream such as standard input. */
	public record Source(Path path, String streamName, InputStream stream) {

		/** Returns a file or a folder (read recursively, in name order). */
		public static Source of(Path path) {
			return new Source(path, null, null);
		}

		/** Returns a stream under a name, such as {@code -} for standard input. */
		public static Source of(String name, InputStream stream) {
			return new Source(null, name, stream);
		}
	}

	private final EventStore store;
	private final Normalizer normalizer;
	private final RejectsFile rejects;
	private final Settings settings;
	private final Clock clock;

	/**
	 * Creates an ingester.
	 *
	 * @param store where events go
	 * @param normalizer how events are normalized
	 * @param rejects where rejected records go
	 * @param settings how the run goes
	 * @param clock the clock for the report's times
	 */
	public Ingester(EventStore store, Normalizer normalizer, RejectsFile rejects, Settings settings, Clock clock) {
		this.store = store;
		this.normalizer = normalizer;
		this.rejects = rejects;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Ingests sources. Folders are read recursively.
	 *
	 * @param sources files, folders and streams
	 * @param monitor progress (in bytes read) and cancellation
	 * @throws IOException if an input cannot be opened or the store cannot be written; events
	 *             committed before stay stored
	 */
	public IngestReport ingest(List<Source> sources, IProgressMonitor monitor) throws IOException {
		Instant started = clock.instant();
		List<Input> inputs = expand(sources);
		long totalBytes = inputs.stream().mapToLong(Input::size).sum();
		SubMonitor progress = SubMonitor.convert(monitor, "Ingesting events", (int) Math.min(Integer.MAX_VALUE,
				Math.max(1, totalBytes / 1024)));
		Run run = new Run(progress);
		run.start();
		List<Pending> pending = new ArrayList<>();
		boolean cancelled = false;
		try {
			for (Input input : inputs) {
				if (progress.isCanceled()) {
					cancelled = true;
					break;
				}
				pending.add(run.read(input));
			}
		} finally {
			run.finish();
		}
		cancelled |= progress.isCanceled();
		Path rejectsPath = rejects.exists() ? rejects.path() : null;
		List<IngestReport.InputReport> finished = pending.stream().map(Pending::report).toList();
		return new IngestReport(run.committed.get(), rejects.count(), rejectsPath, cancelled, finished, started,
				clock.instant());
	}

	/** A file or stream to read, with its size for progress (0 when unknown). */
	private record Input(String name, Path path, InputStream stream, long size) {
	}

	private static List<Input> expand(List<Source> sources) throws IOException {
		List<Input> inputs = new ArrayList<>();
		for (Source source : sources) {
			if (source.path() == null) {
				inputs.add(new Input(source.streamName(), null, source.stream(), 0));
			} else if (Files.isDirectory(source.path())) {
				try (Stream<Path> files = Files.walk(source.path())) {
					for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
						inputs.add(new Input(file.toString(), file, null, Files.size(file)));
					}
				}
			} else if (Files.isRegularFile(source.path())) {
				inputs.add(new Input(source.path().toString(), source.path(), null, Files.size(source.path())));
			} else {
				throw new IOException("no such file or folder: " + source.path());
			}
		}
		return inputs;
	}

	/** The state of one ingest run: the workers, the queue between them and the counts. */
	private final class Run {

		private final SubMonitor progress;
		private final BlockingQueue<List<Item>> queue;
		private final List<Thread> workers = new ArrayList<>();
		private final AtomicLong indexed = new AtomicLong();
		private final AtomicLong committed = new AtomicLong();
		private final AtomicReference<Throwable> failure = new AtomicReference<>();
		private final CountDownLatch finishing = new CountDownLatch(1);
		private Thread committer;
		private long reportedKilobytes;
		private long reportedStored = -1;

		Run(SubMonitor progress) {
			this.progress = progress;
			this.queue = new ArrayBlockingQueue<>(settings.threads() * 4);
		}

		void start() {
			for (int i = 0; i < settings.threads(); i++) {
				Thread worker = new Thread(this::work, "Vigil ingest worker " + (i + 1));
				worker.setDaemon(true);
				workers.add(worker);
				worker.start();
			}
			committer = new Thread(this::commitEvery, "Vigil ingest commits");
			committer.setDaemon(true);
			committer.start();
		}

		/** Commits at the interval on a thread of its own, so that reading never waits for the disk. */
		private void commitEvery() {
			try {
				while (!finishing.await(settings.commitInterval().toMillis(), TimeUnit.MILLISECONDS)) {
					commit();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (IOException | RuntimeException e) {
				failure.compareAndSet(null, e);
			}
		}

		Pending read(Input input) throws IOException {
			InputStats stat = new InputStats();
			EventInput in = input.path() != null ? EventInput.open(input.path()) : EventInput.of(input.name(), input.stream());
			Optional<Format> format = settings.format().isPresent() ? settings.format()
					: FormatDetector.detect(in.peek(8192), fileName(input));
			if (format.isEmpty()) {
				in.close();
				rejects.add(input.name(), 0, "cannot tell the format of this input; give it with --format ("
						+ Format.names() + ")", in.name());
				stat.rejected.incrementAndGet();
				return new Pending(input.name(), null, stat);
			}
			progress.subTask(input.name() + " (" + format.get().id() + ")");
			ReaderOptions options = new ReaderOptions(settings.options().zone(), referenceTime(input),
					fileName(input));
			try (EventReader reader = EventReaders.open(format.get(), in, options)) {
				readAll(reader, input, format.get(), stat, in);
			}
			return new Pending(input.name(), format.get().id(), stat);
		}

		private void readAll(EventReader reader, Input input, Format format, InputStats stat, EventInput in)
				throws IOException {
			List<Item> batch = new ArrayList<>(BATCH);
			for (ReadRecord record = reader.next(); record != null; record = reader.next()) {
				if (record.isRejected()) {
					rejects.add(input.name(), record.line(), record.rejection(), record.raw());
					stat.rejected.incrementAndGet();
				} else {
					batch.add(new Item(record, format, input.name(), stat));
				}
				if (batch.size() == BATCH) {
					hand(batch);
					batch = new ArrayList<>(BATCH);
					step(in);
					if (progress.isCanceled()) {
						return;
					}
				}
			}
			if (!batch.isEmpty()) {
				hand(batch);
			}
			step(in);
		}

		private void hand(List<Item> batch) throws IOException {
			try {
				while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
					checkFailure();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while ingesting", e);
			}
			checkFailure();
		}

		/** Reports progress: bytes read, and the events committed so far. */
		private void step(EventInput in) throws IOException {
			long kilobytes = in.bytesRead() / 1024;
			if (kilobytes > reportedKilobytes) {
				progress.worked((int) (kilobytes - reportedKilobytes));
				reportedKilobytes = kilobytes;
			}
			long stored = committed.get();
			if (stored != reportedStored) {
				reportedStored = stored;
				progress.setTaskName("Ingesting events: " + stored + " stored, " + rejects.count() + " rejected");
			}
			checkFailure();
		}

		/** Commits; the events indexed before it started are durable when it returns. */
		private synchronized void commit() throws IOException {
			long before = indexed.get();
			store.commit();
			committed.set(before);
		}

		private void checkFailure() throws IOException {
			Throwable failed = failure.get();
			if (failed instanceof IOException io) {
				throw new IOException("storing events failed: " + io.getMessage(), io);
			}
			if (failed != null) {
				throw new IOException("storing events failed: " + failed, failed);
			}
		}

		private void work() {
			try {
				while (true) {
					List<Item> batch = queue.take();
					if (batch.isEmpty()) {
						return;
					}
					for (Item item : batch) {
						store(item);
					}
					indexed.addAndGet(batch.stream().filter(item -> item.stored).count());
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (IOException | RuntimeException e) {
				failure.compareAndSet(null, e);
			}
		}

		private void store(Item item) throws IOException {
			ReadRecord record = item.record.resolve();
			if (record.isRejected()) {
				reject(item, record.rejection());
				return;
			}
			ObjectNode event = record.event();
			String carriedId = event.path(EventFields.VIGIL).path("id").asText(null);
			Normalizer.Result result = normalizer.normalize(event, item.format.id(), item.input, item.record.line());
			if (result.isRejected()) {
				reject(item, result.rejection());
				return;
			}
			if (settings.oldestKept() != null && result.utcTimestamp().isBefore(settings.oldestKept())) {
				reject(item, "the event (" + Timestamps.format(result.utcTimestamp())
						+ ") is older than the workspace keeps events (" + Timestamps.format(settings.oldestKept()) + ")");
				return;
			}
			String utc = event.get(EventFields.UTC_TIMESTAMP).asText();
			String id = EventIds.isId(carriedId) ? carriedId : EventIds.of(item.format.id(), item.record.raw(), utc);
			((ObjectNode) event.get(EventFields.VIGIL)).put("id", id);
			byte[] json = JsonSupport.MAPPER.writeValueAsBytes(event);
			store.add(id, result.utcTimestamp(), EventDocuments.build(id, result.utcTimestamp().toEpochMilli(), event, json),
					event);
			item.stored = true;
			item.stat.seen(result.utcTimestamp());
		}

		private void reject(Item item, String reason) throws IOException {
			rejects.add(item.input, item.record.line(), reason, item.record.raw());
			item.stat.rejected.incrementAndGet();
		}

		/** Stops the workers once the queue drains, then commits. */
		void finish() throws IOException {
			try {
				for (int i = 0; i < workers.size(); i++) {
					hand(List.of());
				}
				for (Thread worker : workers) {
					worker.join();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while ingesting", e);
			} finally {
				finishing.countDown();
				commit();
				rejects.close();
			}
			checkFailure();
		}

	}

	private static String fileName(Input input) {
		return input.path() == null ? "" : input.path().getFileName().toString();
	}

	private Instant referenceTime(Input input) {
		if (input.path() == null) {
			return clock.instant();
		}
		try {
			return Files.getLastModifiedTime(input.path()).toInstant();
		} catch (IOException e) {
			return clock.instant();
		}
	}

	/** An input that was read, whose counts are final once the workers are done. */
	private record Pending(String name, String format, InputStats stat) {
		IngestReport.InputReport report() {
			return new IngestReport.InputReport(name, format, stat.events.get(), stat.rejected.get(), stat.oldest(),
					stat.newest());
		}
	}

	/** A record on its way to the store. */
	private static final class Item {
		final ReadRecord record;
		final Format format;
		final String input;
		final InputStats stat;
		boolean stored;

		Item(ReadRecord record, Format format, String input, InputStats stat) {
			this.record = record;
			this.format = format;
			this.input = input;
			this.stat = stat;
		}
	}

	/** Counts of one input, updated by the workers. */
	private static final class InputStats {
		final AtomicLong events = new AtomicLong();
		final AtomicLong rejected = new AtomicLong();
		private final AtomicLong oldestMillis = new AtomicLong(Long.MAX_VALUE);
		private final AtomicLong newestMillis = new AtomicLong(Long.MIN_VALUE);

		void seen(Instant time) {
			events.incrementAndGet();
			long millis = time.toEpochMilli();
			oldestMillis.accumulateAndGet(millis, Math::min);
			newestMillis.accumulateAndGet(millis, Math::max);
		}

		Instant oldest() {
			return events.get() == 0 ? null : Instant.ofEpochMilli(oldestMillis.get());
		}

		Instant newest() {
			return events.get() == 0 ? null : Instant.ofEpochMilli(newestMillis.get());
		}
	}
}

package io.vigil.collect.sensor;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.ShutdownSignalException;

import io.vigil.collect.IntakeLog;
import io.vigil.collect.StopSignal;
import io.vigil.collect.amqp.AmqpPublisher;
import io.vigil.collect.amqp.AmqpSettings;
import io.vigil.events.EventFields;
import io.vigil.events.Normalizer;
import io.vigil.events.ingest.RejectsFile;
import io.vigil.events.read.Format;
import io.vigil.events.read.ReadRecord;
import io.vigil.events.store.EventIds;

/**
 * A sensor: follows log files, normalizes their records as a file ingest does (so that a line
 * gets the same stable id either way), and publishes them as MozDef JSON events with publisher
 * confirms. A file's checkpoint moves only once the broker has confirmed every event before it, so
 * a crash loses nothing; what was published but not checkpointed is published again, under the
 * same ids, and the store keeps it once. Rejected records go to the rejects file, never to the
 * broker. When the broker goes away the sensor reconnects with backoff, from one second up to
 * thirty, and publishes again what was not confirmed. Runs on a thread of its own.
 */
public final class Sensor implements AutoCloseable {

	/** Events published between two waits for confirms, unless set otherwise. */
	public static final int DEFAULT_BATCH = 1000;

	private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * How a sensor runs.
	 *
	 * @param amqp the broker (its queue and bindings are not used)
	 * @param binding the exchange and routing key events are published to
	 * @param name the sensor's name, in each event's {@code vigil.sensor}
	 * @param format the format of every followed file, or empty to detect it per file
	 * @param zone the zone of timestamps that carry none
	 * @param checkpoints where checkpoints are kept
	 * @param rejects where rejected records go
	 * @param batch events published between two waits for confirms
	 * @param pollInterval how long to wait when no file has anything new
	 * @param quiet how long a file stays unchanged before a held-back audit event is published
	 */
	public record Settings(AmqpSettings amqp, AmqpSettings.Binding binding, String name, Optional<Format> format,
			ZoneId zone, Checkpoints checkpoints, RejectsFile rejects, int batch, Duration pollInterval,
			Duration quiet) {

		/** Checks the settings. */
		public Settings {
			Objects.requireNonNull(amqp, "amqp");
			Objects.requireNonNull(binding, "binding");
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(format, "format");
			Objects.requireNonNull(zone, "zone");
			Objects.requireNonNull(checkpoints, "checkpoints");
			Objects.requireNonNull(rejects, "rejects");
			if (batch < 1) {
				throw new IllegalArgumentException("a batch holds at least one event, not " + batch);
			}
		}
	}

	/** What the connection is doing. */
	public enum State {
		/** Connecting for the first time. */
		CONNECTING,
		/** Connected and publishing. */
		CONNECTED,
		/** Lost or refused; waiting to try again. */
		RECONNECTING,
		/** Closed. */
		STOPPED
	}

	/**
	 * A snapshot of the sensor's counts.
	 *
	 * @param read records read from the files
	 * @param published events published (again after a lost connection)
	 * @param confirmed events the broker confirmed
	 * @param rejected records rejected to the rejects file
	 * @param files each followed file's state; the offsets are where reading got to
	 * @param confirmedAt each followed file's checkpoint, by path
	 */
	public record Stats(State state, String detail, long read, long published, long confirmed, long rejected,
			List<FileFollower.State> files, Map<Path, Checkpoint> confirmedAt) {
	}

	private final Settings settings;
	private final IntakeLog log;
	private final Normalizer normalizer;
	private final List<Lane> lanes = new ArrayList<>();
	private final Map<String, Checkpoint> otherFiles = new LinkedHashMap<>();
	private final Thread thread;
	private final AtomicLong read = new AtomicLong();
	private final AtomicLong published = new AtomicLong();
	private final AtomicLong confirmed = new AtomicLong();
	private final AtomicLong rejected = new AtomicLong();
	private volatile State state = State.CONNECTING;
	private volatile String detail = "";
	private final StopSignal stop = new StopSignal();
	private volatile boolean caughtUp;
	private volatile long lastRead = System.nanoTime();
	private AmqpPublisher publisher;

	/**
	 * Creates a sensor for files; {@link #start()} starts it.
	 *
	 * @throws IOException if the checkpoints cannot be read
	 */
	public Sensor(Settings settings, List<Path> files, IntakeLog log) throws IOException {
		this.settings = settings;
		this.log = log;
		this.normalizer = new Normalizer(settings.zone(), Clock.systemUTC());
		Map<String, Checkpoint> saved = settings.checkpoints().load();
		otherFiles.putAll(saved);
		for (Path file : files) {
			Path absolute = file.toAbsolutePath().normalize();
			Checkpoint from = saved.get(absolute.toString());
			otherFiles.remove(absolute.toString());
			lanes.add(new Lane(new FileFollower(absolute, settings.format(), settings.zone(), from, log,
					settings.quiet() == null ? FileFollower.QUIET : settings.quiet(), FileFollower.MAX_CHUNK), from));
		}
		this.thread = new Thread(this::run, "Vigil sensor " + settings.name());
		thread.setDaemon(true);
	}

	/** Starts following and publishing, on a thread of its own. */
	public void start() {
		thread.start();
	}

	/** Returns the settings. */
	public Settings settings() {
		return settings;
	}

	/** Returns a snapshot of the counts and of each file's state. */
	public Stats stats() {
		List<FileFollower.State> files = new ArrayList<>();
		Map<Path, Checkpoint> at = new LinkedHashMap<>();
		synchronized (lanes) {
			for (Lane lane : lanes) {
				files.add(lane.state);
				if (lane.confirmed != null) {
					at.put(lane.follower.path(), lane.confirmed);
				}
			}
		}
		return new Stats(state, detail, read.get(), published.get(), confirmed.get(), rejected.get(), files, at);
	}

	/** Returns the number of events the broker confirmed. */
	public long confirmed() {
		return confirmed.get();
	}

	/** Returns the number of records rejected. */
	public long rejected() {
		return rejected.get();
	}

	/**
	 * Returns whether everything read was confirmed, the last look at every file found nothing new,
	 * and nothing was read for at least the given time.
	 */
	public boolean idleFor(Duration idle) {
		return caughtUp && state == State.CONNECTED && System.nanoTime() - lastRead >= idle.toNanos();
	}

	private void run() {
		Duration backoff = StopSignal.firstBackoff();
		while (!stop.stopped()) {
			String failure;
			try {
				if (publisher == null) {
					connect();
					backoff = StopSignal.firstBackoff();
				}
				if (!step()) {
					caughtUp = lanes.stream().allMatch(lane -> lane.follower.caughtUp());
					stop.pause(settings.pollInterval());
				}
				continue;
			} catch (IOException | TimeoutException | ShutdownSignalException e) {
				failure = describe(e);
			} catch (RuntimeException e) {
				// The client or a reader failed in a way it should not: say so, and go on as after a loss.
				failure = "unexpected " + e.getClass().getSimpleName() + ": " + describe(e);
			} catch (InterruptedException e) {
				break;
			}
			lost(failure);
			if (!stop.pause(backoff)) {
				break;
			}
			backoff = StopSignal.nextBackoff(backoff);
		}
		if (publisher != null) {
			publisher.close();
			publisher = null;
		}
		setState(State.STOPPED, "");
	}

	private void connect() throws IOException, TimeoutException {
		publisher = AmqpPublisher.open(settings.amqp(), settings.binding(), "Vigil sensor " + settings.name());
		setState(State.CONNECTED, settings.amqp().displayUri() + ", " + settings.binding());
		log.info("sensor '" + settings.name() + "' publishing to " + settings.binding() + " on "
				+ settings.amqp().displayUri());
	}

	private void lost(String reason) {
		if (state != State.RECONNECTING || !reason.equals(detail)) {
			log.warn("sensor '" + settings.name() + "' and " + settings.amqp().displayUri() + ": " + reason
					+ "; publishing again what was not confirmed, once reconnected");
		}
		setState(State.RECONNECTING, reason);
		if (publisher != null) {
			publisher.close();
			publisher = null;
		}
	}

	/** Reads from and publishes for each file; returns whether any file had something. */
	private boolean step() throws IOException, TimeoutException, InterruptedException {
		boolean worked = false;
		for (Lane lane : lanes) {
			if (stop.stopped()) {
				break;
			}
			if (lane.pending == null) {
				FileFollower.Chunk chunk = poll(lane);
				if (chunk == null) {
					continue;
				}
				// From here on the chunk lives in the lane until it is confirmed: nothing read is dropped.
				lane.pending = prepare(chunk);
				lane.next = 0;
			}
			worked = true;
			caughtUp = false;
			writeRejects(lane.pending);
			publish(lane);
		}
		return worked;
	}

	private FileFollower.Chunk poll(Lane lane) {
		try {
			FileFollower.Chunk chunk = lane.follower.poll();
			lane.problem = "";
			return chunk;
		} catch (IOException e) {
			String problem = "cannot read " + lane.follower.path() + ": " + describeFileProblem(e);
			if (!problem.equals(lane.problem)) {
				lane.problem = problem;
				log.warn(problem + "; trying again");
			}
			return null;
		} finally {
			synchronized (lanes) {
				lane.state = lane.follower.state();
			}
		}
	}

	/** Turns a chunk's records into JSON events, and its rejected records into rejects to write. */
	private Pending prepare(FileFollower.Chunk chunk) {
		lastRead = System.nanoTime();
		read.addAndGet(chunk.records().size());
		List<byte[]> bodies = new ArrayList<>(chunk.records().size());
		List<Checkpoint> after = new ArrayList<>(chunk.records().size());
		List<Reject> rejects = new ArrayList<>();
		for (FileFollower.Followed followed : chunk.records()) {
			ReadRecord record = followed.record().resolve();
			String rejection = record.isRejected() ? record.rejection() : null;
			byte[] body = null;
			if (rejection == null) {
				try {
					body = toEvent(chunk, followed.line(), record);
				} catch (EventRejected e) {
					rejection = e.getMessage();
				}
			}
			if (rejection != null) {
				rejects.add(new Reject(chunk.origin(), followed.line(), rejection, followed.record().raw()));
			}
			bodies.add(body);
			after.add(followed.resumeAfter());
		}
		return new Pending(bodies, after, chunk.end(), rejects);
	}

	/** Returns the JSON of a record's event, normalized and identified as a file ingest would. */
	private byte[] toEvent(FileFollower.Chunk chunk, long line, ReadRecord record) throws EventRejected {
		ObjectNode event = record.event();
		String carriedId = event.path(EventFields.VIGIL).path("id").asText(null);
		Normalizer.Result result = normalizer.normalize(event, chunk.format().id(), chunk.origin(), line);
		if (result.isRejected()) {
			throw new EventRejected(result.rejection());
		}
		String utc = event.get(EventFields.UTC_TIMESTAMP).asText();
		String id = EventIds.isId(carriedId) ? carriedId : EventIds.of(chunk.format().id(), record.raw(), utc);
		ObjectNode vigil = (ObjectNode) event.get(EventFields.VIGIL);
		vigil.put("id", id);
		vigil.put("sensor", settings.name());
		try {
			return JSON.writeValueAsBytes(event);
		} catch (JsonProcessingException e) {
			throw new EventRejected("cannot be written as JSON: " + e.getOriginalMessage());
		}
	}

	/** Writes a chunk's rejects, each once, before its events are published. */
	private void writeRejects(Pending pending) throws IOException {
		while (!pending.rejects.isEmpty()) {
			Reject reject = pending.rejects.get(0);
			settings.rejects().add(reject.origin(), reject.line(), reject.reason(), reject.raw());
			pending.rejects.remove(0);
			rejected.incrementAndGet();
		}
	}

	/** Publishes a file's pending events batch by batch, moving its checkpoint after each confirm. */
	private void publish(Lane lane) throws IOException, TimeoutException, InterruptedException {
		Pending pending = lane.pending;
		int size = pending.bodies.size();
		while (lane.next < size || size == 0) {
			int to = Math.min(lane.next + settings.batch(), size);
			int count = 0;
			for (int i = lane.next; i < to; i++) {
				byte[] body = pending.bodies.get(i);
				if (body != null) {
					publisher.publish(body);
					count++;
				}
			}
			published.addAndGet(count);
			publisher.awaitConfirms(CONFIRM_TIMEOUT);
			confirmed.addAndGet(count);
			Checkpoint reached = to == size ? pending.end : lastCheckpoint(pending, lane.next, to);
			lane.next = to;
			if (reached != null) {
				checkpoint(lane, reached);
			}
			if (size == 0 || stop.stopped()) {
				break;
			}
		}
		if (lane.next >= size) {
			lane.pending = null;
		}
	}

	private static Checkpoint lastCheckpoint(Pending pending, int from, int to) {
		for (int i = to - 1; i >= from; i--) {
			if (pending.after.get(i) != null) {
				return pending.after.get(i);
			}
		}
		return null;
	}

	private void checkpoint(Lane lane, Checkpoint reached) throws IOException {
		// Files followed by earlier runs but not by this one keep their checkpoints.
		Map<String, Checkpoint> all = new LinkedHashMap<>(otherFiles);
		synchronized (lanes) {
			lane.confirmed = reached;
			for (Lane each : lanes) {
				if (each.confirmed != null) {
					all.put(each.follower.path().toString(), each.confirmed);
				}
			}
		}
		settings.checkpoints().save(all);
	}

	private void setState(State newState, String newDetail) {
		state = newState;
		detail = newDetail;
	}

	private static String describeFileProblem(IOException e) {
		if (e instanceof AccessDeniedException) {
			return "permission denied";
		}
		if (e instanceof FileSystemException problem && problem.getReason() != null) {
			return problem.getReason();
		}
		return describe(e);
	}

	private static String describe(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getMessage() == null) {
			cause = cause.getCause();
		}
		if (cause instanceof ShutdownSignalException shutdown && shutdown.getReason() != null) {
			return shutdown.getReason().protocolMethodName() + ": " + shutdown.getMessage();
		}
		String message = cause.getMessage();
		return message == null ? cause.getClass().getSimpleName() : message;
	}

	/**
	 * Stops: the batch being published is confirmed and checkpointed first (within the confirm
	 * timeout), then the connection and files are closed. What was read but not published is read
	 * again by the next run.
	 */
	@Override
	public void close() throws IOException {
		stop.stop();
		try {
			thread.join(CONFIRM_TIMEOUT.toMillis() + 5_000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		for (Lane lane : lanes) {
			lane.follower.close();
		}
		settings.rejects().close();
		setState(State.STOPPED, "");
	}

	/** One followed file: its follower, the events read but not yet confirmed, and its checkpoint. */
	private static final class Lane {

		final FileFollower follower;
		Checkpoint confirmed;
		Pending pending;
		int next;
		String problem = "";
		FileFollower.State state;

		Lane(FileFollower follower, Checkpoint confirmed) {
			this.follower = follower;
			this.confirmed = confirmed;
			this.state = follower.state();
		}
	}

	/**
	 * The events of one chunk: each one's JSON ({@code null} when rejected) and the checkpoint once
	 * it is confirmed ({@code null} where resuming is not safe), the chunk's end, and the rejects
	 * not written yet.
	 */
	private record Pending(List<byte[]> bodies, List<Checkpoint> after, Checkpoint end, List<Reject> rejects) {
	}

	/** A rejected record, to be written to the rejects file. */
	private record Reject(String origin, long line, String reason, String raw) {
	}

	/** Says why the normalizer refused an event. */
	private static final class EventRejected extends Exception {

		private static final long serialVersionUID = 1L;

		EventRejected(String reason) {
			super(reason, null, false, false);
		}
	}
}

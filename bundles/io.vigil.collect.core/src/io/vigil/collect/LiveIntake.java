package io.vigil.collect;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.EventWorkspace;
import io.vigil.events.Normalizer;
import io.vigil.events.store.EventStore;

/**
 * What every live source of one Vigil shares: the intake that stores events, the group commits
 * that make them durable, and the registry of sources for the health view. Collector connections,
 * the HTTP intake and the workbench's collector service are built on one of these.
 */
public final class LiveIntake implements AutoCloseable {

	/** How often live events are made durable: about the longest a sender waits for its acknowledgement. */
	public static final Duration COMMIT_INTERVAL = Duration.ofMillis(100);

	private final EventIntake intake;
	private final DurableCommits commits;
	private final SourceRegistry registry;

	private LiveIntake(EventIntake intake, DurableCommits commits, SourceRegistry registry) {
		this.intake = intake;
		this.commits = commits;
		this.registry = registry;
	}

	/**
	 * Starts the live intake of a workspace's events; events older than retention keeps are refused.
	 *
	 * @throws WorkspaceException if the retention setting cannot be read
	 */
	public static LiveIntake start(EventWorkspace events, Duration commitInterval, String name) throws WorkspaceException {
		events.firstKeptDay(); // reports a bad retention setting now, not on the first event
		return on(events.store(), events.clock(), new RetentionLimit(events), commitInterval, name);
	}

	/**
	 * Starts a live intake straight on a store, outside any workspace: for benchmarks and tests.
	 *
	 * @param oldestKept tells the time before which events are refused, or {@code null} for none
	 */
	public static LiveIntake on(EventStore store, Clock clock, Supplier<Instant> oldestKept, Duration commitInterval,
			String name) {
		EventIntake intake = new EventIntake(store, new Normalizer(ZoneOffset.UTC, clock), oldestKept);
		return new LiveIntake(intake, new DurableCommits(store, commitInterval, name), new SourceRegistry(clock));
	}

	/**
	 * The first moment retention keeps, read from the workspace at most once a minute, so that a
	 * retention changed or a day dropped while Vigil runs applies to live events too.
	 */
	private static final class RetentionLimit implements Supplier<Instant> {

		private static final long REREAD_NANOS = Duration.ofMinutes(1).toNanos();

		private final EventWorkspace events;
		private Instant oldest;
		private long readAt;
		private boolean read;

		RetentionLimit(EventWorkspace events) {
			this.events = events;
		}

		@Override
		public synchronized Instant get() {
			long now = System.nanoTime();
			if (!read || now - readAt > REREAD_NANOS) {
				try {
					LocalDate first = events.firstKeptDay();
					oldest = first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
				} catch (WorkspaceException e) {
					// Keep the last good limit; the workspace reports the bad setting where it is set.
				}
				read = true;
				readAt = now;
			}
			return oldest;
		}
	}

	/** Returns the intake that stores events. */
	public EventIntake intake() {
		return intake;
	}

	/** Returns the group commits that make stored events durable. */
	public DurableCommits commits() {
		return commits;
	}

	/** Returns the registry of live sources. */
	public SourceRegistry registry() {
		return registry;
	}

	/** Commits what was stored and stops committing. Close the sources first. */
	@Override
	public void close() throws IOException {
		commits.close();
	}
}

package io.vigil.events;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;
import io.vigil.events.ingest.Ingester;
import io.vigil.events.ingest.RejectsFile;
import io.vigil.events.records.EventRecords;
import io.vigil.events.records.EventsSchema;
import io.vigil.events.store.EventStore;

/**
 * The events side of an open workspace: the Lucene store under {@code index/events}, the records
 * in the workspace database, and the retention setting. The command line opens one per run; in
 * the workbench a Declarative Services component offers one as a service.
 */
public final class EventWorkspace implements Closeable {

	/** How often the workbench makes new events visible to searches. */
	public static final Duration REFRESH_INTERVAL = Duration.ofMillis(250);

	/** The workspace setting that keeps events for a number of days; unset keeps them all. */
	public static final String RETENTION_SETTING = "events.retention.days";

	private static final DateTimeFormatter REJECTS_NAME = DateTimeFormatter.ofPattern("'ingest-'uuuuMMdd'T'HHmmss.SSS'Z.jsonl'",
			Locale.ROOT).withZone(ZoneOffset.UTC);

	private final Workspace workspace;
	private final EventStore store;
	private final EventRecords records;
	private final Clock clock;

	private EventWorkspace(Workspace workspace, EventStore store, EventRecords records, Clock clock) {
		this.workspace = workspace;
		this.store = store;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * Opens the events of a workspace, bringing their database schema up to date and dropping
	 * partitions that retention no longer keeps.
	 *
	 * @throws WorkspaceException if the schema cannot be brought up to date
	 * @throws IOException if the store cannot be opened
	 */
	public static EventWorkspace open(Workspace workspace, Clock clock) throws WorkspaceException, IOException {
		workspace.ensureSchema(new EventsSchema());
		EventStore store = EventStore.open(workspace.indexDirectory().resolve("events"));
		EventWorkspace events = new EventWorkspace(workspace, store, new EventRecords(workspace.database()), clock);
		try {
			events.applyRetention();
		} catch (IOException | WorkspaceException | RuntimeException e) {
			store.close();
			throw e;
		}
		return events;
	}

	/** Returns the workspace. */
	public Workspace workspace() {
		return workspace;
	}

	/** Returns the event store. */
	public EventStore store() {
		return store;
	}

	/** Returns the records: imports, sources, saved searches, dashboards. */
	public EventRecords records() {
		return records;
	}

	/** Returns the clock this workspace's events are timed by. */
	public Clock clock() {
		return clock;
	}

	/** Returns how many days events are kept, or empty when they are kept forever. */
	public OptionalInt retentionDays() throws WorkspaceException {
		String value = workspace.property(RETENTION_SETTING).orElse("");
		try {
			return value.isBlank() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(value.strip()));
		} catch (NumberFormatException e) {
			throw new WorkspaceException("Workspace " + workspace.root() + ": the setting " + RETENTION_SETTING
					+ " is '" + value + "', not a number of days");
		}
	}

	/**
	 * Sets the retention and applies it at once.
	 *
	 * @param days the days to keep (1 or more), or {@code null} to keep events forever
	 * @return the days dropped
	 */
	public List<LocalDate> setRetentionDays(Integer days) throws WorkspaceException, IOException {
		if (days != null && days < 1) {
			throw new IllegalArgumentException("events are kept for at least 1 day, not " + days);
		}
		workspace.setProperty(RETENTION_SETTING, days == null ? null : days.toString());
		return applyRetention();
	}

	/**
	 * Returns the first day retention keeps: with N days, today (UTC) and the N days before it.
	 *
	 * @return the day, or {@code null} when events are kept forever
	 */
	public LocalDate firstKeptDay() throws WorkspaceException {
		OptionalInt days = retentionDays();
		return days.isEmpty() ? null : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(days.getAsInt());
	}

	/** Drops the partitions retention no longer keeps; returns their days. */
	public List<LocalDate> applyRetention() throws WorkspaceException, IOException {
		LocalDate first = firstKeptDay();
		return first == null ? List.of() : store.dropBefore(first);
	}

	/**
	 * Creates an ingester for this workspace, with a fresh rejects file under {@code logs/rejects}.
	 *
	 * @param settings the run's settings; retention is added to them
	 */
	public Ingester ingester(Ingester.Settings settings) throws WorkspaceException {
		LocalDate first = firstKeptDay();
		Instant oldest = first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant();
		Ingester.Settings withRetention = new Ingester.Settings(settings.format(), settings.options(),
				settings.threads(), settings.commitInterval(), oldest);
		return new Ingester(store, new Normalizer(settings.options().zone(), clock), newRejectsFile(), withRetention,
				clock);
	}

	private RejectsFile newRejectsFile() {
		Path rejects = workspace.logDirectory().resolve("rejects").resolve(REJECTS_NAME.format(clock.instant()));
		return new RejectsFile(rejects);
	}

	/** Closes the store; the workspace stays open. */
	@Override
	public void close() throws IOException {
		store.close();
	}
}

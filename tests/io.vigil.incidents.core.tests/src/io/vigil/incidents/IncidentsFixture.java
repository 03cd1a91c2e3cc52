package io.vigil.incidents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;
import io.vigil.events.ingest.Ingester;
import io.vigil.rules.RuleWorkspace;

/** A real workspace in a folder, with events, rules, incidents and a clock the test moves. */
public final class IncidentsFixture implements AutoCloseable {

	/** The instant the clock starts at. */
	public static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

	private final Path directory;
	private final MutableClock clock = new MutableClock(START);
	private Workspace workspace;
	private EventWorkspace events;
	private IncidentStore store;

	/** Opens (creating) the workspace {@code folder/ws}. */
	public IncidentsFixture(Path folder) throws Exception {
		directory = folder.resolve("ws");
		open();
	}

	private void open() throws Exception {
		workspace = Workspace.open(directory, "test");
		events = EventWorkspace.open(workspace, clock);
		store = IncidentStore.open(workspace, clock);
	}

	/** Closes the workspace and opens it again, as a restarted Vigil would. */
	public void reopen() throws Exception {
		close();
		open();
	}

	public Path directory() {
		return directory;
	}

	public Workspace workspace() {
		return workspace;
	}

	public EventWorkspace events() {
		return events;
	}

	public IncidentStore store() {
		return store;
	}

	public MutableClock clock() {
		return clock;
	}

	/** Returns the rules of the workspace (for its alerts). */
	public RuleWorkspace rules() throws Exception {
		return RuleWorkspace.open(events);
	}

	/** Ingests JSON lines (MozDef-style events) with Vigil's ingester and makes them searchable. */
	public void ingest(List<String> lines) throws Exception {
		Path data = directory.resolveSibling("events-" + System.nanoTime() + ".jsonl");
		Files.write(data, lines, StandardCharsets.UTF_8);
		events.ingester(Ingester.Settings.defaults()).ingest(List.of(Ingester.Source.of(data)),
				new NullProgressMonitor());
		events.store().commit();
		events.store().refresh();
	}

	/** Returns a login event as a JSON line. */
	public static String login(Instant time, String host, String user, String address, boolean success) {
		return "{\"utctimestamp\":\"" + time + "\",\"category\":\"authentication\",\"source\":\"sshd\","
				+ "\"hostname\":\"" + host + "\",\"summary\":\"login " + (success ? "accepted" : "failed") + " for "
				+ user + " from " + address + "\",\"details\":{\"sourceipaddress\":\"" + address
				+ "\",\"username\":\"" + user + "\",\"success\":" + success + "}}";
	}

	@Override
	public void close() throws IOException, Exception {
		events.close();
		workspace.close();
	}

	/** A clock the test sets and moves. */
	public static final class MutableClock extends Clock {

		private volatile Instant now;

		MutableClock(Instant start) {
			now = start;
		}

		/** Moves the clock forward. */
		public void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}

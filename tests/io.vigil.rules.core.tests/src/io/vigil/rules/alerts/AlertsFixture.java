package io.vigil.rules.alerts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.core.workspace.Workspace;
import io.vigil.rules.RuleLevel;

/** A real workspace in a folder, with the alerts schema and a clock the test moves. */
public final class AlertsFixture implements AutoCloseable {

	/** The instant the fixture's clock starts at. */
	public static final Instant START = Instant.parse("2026-12-04T08:00:00Z");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path directory;
	private final MutableClock clock = new MutableClock(START);
	private Workspace workspace;
	private AlertStore store;

	/** Opens (creating) the workspace {@code folder/ws}. */
	public AlertsFixture(Path folder) throws Exception {
		directory = folder.resolve("ws");
		open();
	}

	private void open() throws Exception {
		workspace = Workspace.open(directory, "test");
		workspace.ensureSchema(new AlertsSchema());
		store = new AlertStore(workspace.database(), clock);
	}

	/** Closes the workspace and opens it again, as a restarted Vigil would. */
	public void reopen() throws Exception {
		workspace.close();
		open();
	}

	public Workspace workspace() {
		return workspace;
	}

	public AlertStore store() {
		return store;
	}

	public MutableClock clock() {
		return clock;
	}

	/** Returns a draft of a correlation alert of a rule, grouped by source address. */
	public static AlertDraft draft(String ruleId, String key, String groupValue) {
		ObjectNode sample = JSON.createObjectNode().put("summary", "login failed").put("hostname", "web1");
		sample.putObject("details").put("sourceipaddress", groupValue).put("username", "root");
		return new AlertDraft(key, ruleId, 2, "Brute force of " + ruleId, "5 failed logins from " + groupValue,
				RuleLevel.HIGH, "authentication", List.of("attack.credential-access", "attack.t1110"), List.of("T1110"),
				"details.sourceipaddress", groupValue, START.plusSeconds(60), START, START.plusSeconds(300), 5,
				List.of("event-3", "event-1", "event-2"), List.of(sample),
				Map.of("event-3", List.of("details.sourceipaddress", "summary")));
	}

	@Override
	public void close() throws Exception {
		workspace.close();
	}

	/** A clock the test sets and moves. */
	public static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			now = new AtomicReference<>(start);
		}

		/** Moves the clock on. */
		public void advance(Duration duration) {
			now.updateAndGet(instant -> instant.plus(duration));
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
			return now.get();
		}
	}
}

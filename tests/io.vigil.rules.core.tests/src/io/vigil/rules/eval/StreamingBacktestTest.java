package io.vigil.rules.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;
import io.vigil.events.TimeRange;
import io.vigil.events.ingest.Ingester;
import io.vigil.rules.LibraryRule;
import io.vigil.rules.RuleRunner;
import io.vigil.rules.RuleWorkspace;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertDraft;
import io.vigil.rules.alerts.AlertFilter;

/**
 * "More than 5 failed logins from one source address within 10 minutes": streaming (ingest with
 * several threads, through the store's tap) and a backtest of the same range raise the same
 * alerts, one per offending address.
 */
class StreamingBacktestTest {

	private static final String RULES = """
			title: Failed SSH login
			id: 0b7c6a1e-1111-4000-8000-000000000001
			name: failed_login
			status: test
			level: low
			logsource: {category: authentication}
			detection:
			  failed: {details.success: false}
			  condition: failed
			---
			title: Brute force from one address
			id: 0b7c6a1e-1111-4000-8000-000000000002
			level: high
			tags: [attack.credential-access, attack.t1110]
			correlation:
			  type: event_count
			  rules: [failed_login]
			  group-by: [SourceIp]
			  timespan: 10m
			  condition: {gt: 5}
			""";
	/** Aligned on a 10-minute window, so that every offender's burst falls in one window. */
	private static final Instant START = Instant.parse("2026-11-30T08:00:00Z");

	@TempDir
	Path folder;
	private Workspace workspace;
	private EventWorkspace events;
	private RuleWorkspace rules;

	@BeforeEach
	void open() throws Exception {
		workspace = Workspace.open(folder.resolve("ws"), "test");
		events = EventWorkspace.open(workspace, Clock.systemUTC());
		rules = RuleWorkspace.open(events);
	}

	@AfterEach
	void close() throws Exception {
		events.close();
		workspace.close();
	}

	@Test
	void streamingAndBacktestRaiseOneAlertPerOffendingAddress() throws Exception {
		rules.library().save(RULES, "brute.yml");
		rules.library().setEnabled("0b7c6a1e-1111-4000-8000-000000000002", true);
		Path data = writeLogins();
		try (RuleRunner runner = rules.runner(message -> {
			throw new AssertionError(message);
		})) {
			runner.start();
			Ingester.Settings settings = new Ingester.Settings(Ingester.Settings.defaults().format(),
					Ingester.Settings.defaults().options(), 4, Ingester.COMMIT_INTERVAL, null);
			events.ingester(settings).ingest(List.of(Ingester.Source.of(data)), new NullProgressMonitor());
			assertTrue(runner.awaitStored(10_000));
		}
		List<Alert> streamed = rules.alerts().list(AlertFilter.all(0));
		Set<String> streamedKeys = streamed.stream().map(a -> a.draft().ruleId() + "/" + a.draft().key())
				.collect(Collectors.toCollection(TreeSet::new));
		assertEquals(Set.of("10.0.0.5", "10.0.0.6", "198.51.100.7"),
				streamed.stream().map(a -> a.draft().groupValue()).collect(Collectors.toSet()));
		assertEquals(3, streamed.size(), streamedKeys.toString());
		for (Alert alert : streamed) {
			assertEquals(6, alert.draft().eventCount(), "fires as the sixth failure is seen");
			assertEquals(List.of("T1110"), alert.draft().attackIds());
			assertEquals("details.sourceipaddress", alert.draft().groupField());
			assertEquals("authentication", alert.draft().category(), "the category of the rule it counts");
		}

		events.store().refresh();
		List<LibraryRule> library = rules.library().list();
		assertEquals(2, library.size());
		BacktestResult backtest = Backtest.run(events.store(), rules.library().enabledRules(),
				new TimeRange(START.minusSeconds(3600), START.plusSeconds(7200)), Clock.systemUTC(), new NullProgressMonitor());
		Set<String> backtestKeys = backtest.alerts().stream().map(a -> a.ruleId() + "/" + a.key())
				.collect(Collectors.toCollection(TreeSet::new));
		assertEquals(streamedKeys, backtestKeys);
		assertEquals(1, backtest.perDay().size());
		assertEquals(3L, backtest.perDay().values().iterator().next());
		assertEquals(3, backtest.topGroups().size());
	}

	/**
	 * Three offenders (6 to 9 failures in one window), two addresses with 5 failures, one with 4
	 * and 4 in two windows, and successes that do not count; shuffled, so that arrival order is
	 * not time order.
	 */
	private Path writeLogins() throws Exception {
		List<String> lines = new ArrayList<>();
		add(lines, "10.0.0.5", 6, false, 0);
		add(lines, "10.0.0.6", 9, false, 60);
		add(lines, "198.51.100.7", 7, false, 120);
		add(lines, "10.0.0.7", 5, false, 0);
		add(lines, "10.0.0.8", 5, false, 30);
		add(lines, "10.0.0.9", 4, false, 0);
		add(lines, "10.0.0.9", 4, false, 600);
		add(lines, "10.0.0.10", 12, true, 0);
		Collections.shuffle(lines, new Random(42));
		Path file = folder.resolve("logins.jsonl");
		Files.write(file, lines);
		return file;
	}

	private static void add(List<String> lines, String address, int count, boolean success, int offsetSeconds) {
		for (int i = 0; i < count; i++) {
			Instant time = START.plusSeconds(offsetSeconds + i * 20L);
			lines.add("{\"utctimestamp\":\"" + time + "\",\"category\":\"authentication\",\"hostname\":\"bastion\","
					+ "\"summary\":\"" + (success ? "Accepted" : "Failed") + " password from " + address + "\","
					+ "\"details\":{\"sourceipaddress\":\"" + address + "\",\"username\":\"root\",\"success\":" + success
					+ ",\"n\":" + i + "}}");
		}
	}

	/** Keeps the unused-import check honest about AlertDraft, used by the summary type. */
	static String describe(AlertDraft draft) {
		return draft.summary();
	}
}

package io.vigil.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.collect.EventIntake;
import io.vigil.core.workspace.Workspace;
import io.vigil.events.EventWorkspace;
import io.vigil.events.Normalizer;
import io.vigil.rules.alerts.Alert;
import io.vigil.rules.alerts.AlertFilter;

/** Live events raise alerts within 2 s, and rules are enabled and disabled while the runner runs. */
class RuleRunnerTest {

	private static final String RULE = """
			title: Root login from outside
			id: 7d1f0c4e-2222-4000-8000-000000000001
			level: critical
			logsource: {category: authentication}
			detection:
			  sel: {User: root, details.success: true}
			  inside: {SourceIp|cidr: 10.0.0.0/8}
			  condition: sel and not inside
			""";

	@TempDir
	Path folder;
	private Workspace workspace;
	private EventWorkspace events;
	private RuleWorkspace rules;
	private RuleRunner runner;
	private final List<String> warnings = new CopyOnWriteArrayList<>();

	@BeforeEach
	void open() throws Exception {
		workspace = Workspace.open(folder.resolve("ws"), "test");
		events = EventWorkspace.open(workspace, Clock.systemUTC());
		rules = RuleWorkspace.open(events);
		rules.library().save(RULE, "root.yml");
		runner = rules.runner(warnings::add);
		runner.start();
	}

	@AfterEach
	void close() throws Exception {
		runner.close();
		events.close();
		workspace.close();
		assertEquals(List.of(), warnings);
	}

	private void login(EventIntake intake, String address, int n) throws Exception {
		ObjectNode event = new ObjectMapper().createObjectNode();
		event.put("utctimestamp", Instant.now().toString()).put("category", "authentication").put("hostname", "vpn")
				.put("summary", "Accepted publickey for root from " + address + " #" + n);
		event.putObject("details").put("username", "root").put("success", true).put("sourceipaddress", address);
		intake.accept(event, event.toString(), "test", "test");
	}

	private static void waitFor(BooleanSupplier condition, long millis, String what) throws InterruptedException {
		long deadline = System.nanoTime() + millis * 1_000_000;
		while (!condition.getAsBoolean()) {
			assertTrue(System.nanoTime() < deadline, "waited " + millis + " ms for " + what);
			Thread.sleep(10);
		}
	}

	private long alerts() {
		try {
			return rules.alerts().list(AlertFilter.all(0)).size();
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aLiveEventRaisesItsAlertWithinTwoSeconds() throws Exception {
		rules.library().setEnabled("7d1f0c4e-2222-4000-8000-000000000001", true);
		runner.reload();
		EventIntake intake = new EventIntake(events.store(), new Normalizer(java.time.ZoneOffset.UTC, Clock.systemUTC()),
				() -> Instant.EPOCH);
		long stored = System.nanoTime();
		login(intake, "203.0.113.9", 1);
		waitFor(() -> alerts() == 1, 2000, "the alert of a live event");
		long millis = (System.nanoTime() - stored) / 1_000_000;
		assertTrue(millis < 2000, millis + " ms");
		Alert alert = rules.alerts().list(AlertFilter.all(0)).get(0);
		assertEquals(List.of("details.success", "details.username"),
				alert.draft().matchedFields().get(alert.draft().eventIds().get(0)), "the fields the match rests on; what a not excludes is no reason");
		login(intake, "10.1.2.3", 2);
		assertTrue(runner.awaitStored(2000));
		assertEquals(1, alerts(), "an address inside is no alert");
	}

	@Test
	void rulesAreEnabledAndDisabledWhileRunning() throws Exception {
		EventIntake intake = new EventIntake(events.store(), new Normalizer(java.time.ZoneOffset.UTC, Clock.systemUTC()),
				() -> Instant.EPOCH);
		login(intake, "203.0.113.9", 1);
		assertTrue(runner.awaitStored(2000));
		assertEquals(0, alerts(), "a disabled rule raises nothing");
		rules.library().setEnabled("7d1f0c4e-2222-4000-8000-000000000001", true);
		runner.reload();
		login(intake, "203.0.113.9", 2);
		waitFor(() -> alerts() == 1, 2000, "the enabled rule's alert");
		rules.library().save(RULE.replace("level: critical", "level: low"), "root.yml");
		runner.reload();
		login(intake, "203.0.113.9", 3);
		waitFor(() -> alerts() == 2, 2000, "the edited rule's alert");
		Alert edited = rules.alerts().list(AlertFilter.all(0)).get(0);
		assertEquals(RuleLevel.LOW, edited.draft().severity());
		assertEquals(2, edited.draft().ruleVersion());
		rules.library().setEnabled("7d1f0c4e-2222-4000-8000-000000000001", false);
		runner.reload();
		login(intake, "203.0.113.9", 4);
		assertTrue(runner.awaitStored(2000));
		assertEquals(2, alerts(), "a disabled rule raises nothing again");
	}
}

package io.vigil.incidents.internal.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.core.command.CommandContext;
import io.vigil.core.command.CommandException;
import io.vigil.core.workspace.Workspace;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentAction;
import io.vigil.incidents.IncidentPhase;
import io.vigil.incidents.IncidentStore;
import io.vigil.incidents.IncidentsFixture;
import io.vigil.incidents.ItemKind;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.alerts.AlertDraft;

class IncidentCommandTest {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	@TempDir
	Path folder;
	private IncidentsFixture fixture;
	private final IncidentCommand command = new IncidentCommand();

	@BeforeEach
	void open() throws Exception {
		fixture = new IncidentsFixture(folder);
		fixture.ingest(List.of(IncidentsFixture.login(T0, "web1", "root", "10.0.0.5", false),
				IncidentsFixture.login(T0.plusSeconds(5), "web1", "root", "10.0.0.5", false),
				IncidentsFixture.login(T0.plusSeconds(9), "db1", "alice", "192.0.2.1", true)));
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	/** What a run printed. */
	private record Run(int code, String out, String err) {
	}

	private Run run(String... arguments) throws Exception {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Workspace workspace = fixture.workspace();
		CommandContext context = new CommandContext() {
			private final PrintWriter outWriter = new PrintWriter(out, true);
			private final PrintWriter errWriter = new PrintWriter(err, true);

			@Override
			public List<String> arguments() {
				return List.of(arguments);
			}

			@Override
			public PrintWriter out() {
				return outWriter;
			}

			@Override
			public PrintWriter err() {
				return errWriter;
			}

			@Override
			public InputStream in() {
				return new ByteArrayInputStream(new byte[0]);
			}

			@Override
			public Path workspaceDirectory() {
				return workspace.root();
			}

			@Override
			public Workspace workspace() {
				return workspace;
			}
		};
		int code = command.run(context);
		context.out().flush();
		return new Run(code, out.toString(), err.toString());
	}

	private IncidentStore store() {
		return fixture.store();
	}

	@Test
	void newPromotesEventsAndAlertsAndPrintsTheId() throws Exception {
		List<String> ids = List.of("no-such-event");
		long alert = fixture.rules().alerts().raise(new AlertDraft("k", "brute-ssh", 1, "Brute force", "2 failures",
				RuleLevel.HIGH, "authentication", List.of(), List.of("T1110"), "details.sourceipaddress", "10.0.0.5",
				T0.plusSeconds(5), T0, T0.plusSeconds(60), 2, ids, List.of(), Map.of())).orElseThrow().id();

		Run created = run("new", "--title", "Brute force on web1", "--severity", "high", "--owner", "alice", "--tlp",
				"amber+strict", "--events", "hostname:web1", "--alerts", Long.toString(alert), "--by", "alice");

		assertEquals(0, created.code());
		String id = created.out().strip();
		Incident incident = store().require(id);
		assertEquals("Brute force on web1", incident.title());
		assertEquals("alice", incident.owner());
		assertEquals(2, incident.items().stream().filter(i -> i.kind() == ItemKind.EVENT).count());
		assertEquals(1, incident.items().stream().filter(i -> i.kind() == ItemKind.ALERT).count());
		assertEquals(List.of("T1110"), incident.techniques());
		assertTrue(created.err().contains("3 items promoted; 1 events of the alerts are no longer stored"),
				created.err());
	}

	@Test
	void aBadQueryLeavesNoIncidentBehind() throws Exception {
		CommandException bad = assertThrows(CommandException.class,
				() -> run("new", "--title", "T", "--events", "hostname:(web1"));
		assertTrue(bad.getMessage().startsWith("--events:"), bad.getMessage());
		assertTrue(store().list(io.vigil.incidents.IncidentFilter.ALL).isEmpty());
	}

	@Test
	void workOnAnIncidentByAPrefixOfItsId() throws Exception {
		String id = run("new", "--title", "Phishing").out().strip();
		String prefix = id.substring(0, 8);

		run("note", prefix, "Reported by the help desk", "--by", "bob");
		assertEquals(id + " containment (open)\n", run("phase", prefix, "containment", "--by", "bob").out());
		Path file = folder.resolve("mail.eml");
		Files.writeString(file, "From: a@examp1e.com\n", StandardCharsets.UTF_8);
		String hash = run("evidence", prefix, file.toString(), "--description", "the mail").out().strip();
		String pivot = run("observable", prefix, "ip", "10.0.0.5").out().strip();

		Incident incident = store().require(id);
		assertEquals("Reported by the help desk", incident.notes().get(0).text());
		assertEquals(IncidentPhase.CONTAINMENT, incident.phase());
		assertEquals(incident.evidence().get(0).sha256(), hash);
		assertEquals("details.sourceipaddress:\"10.0.0.5\" OR details.destinationipaddress:\"10.0.0.5\"", pivot);

		String shown = run("show", prefix).out();
		assertTrue(shown.contains("Phishing") && shown.contains("mail.eml") && shown.contains("Timeline (3):")
				&& shown.contains("The phase changed from identification to containment"), shown);
		JsonNode json = JSON.readTree(run("show", id, "--format", "json").out());
		assertEquals(id, json.get("id").asText());
		JsonNode listed = JSON.readTree(run("list", "--status", "open", "--format", "json").out());
		assertEquals(1, listed.size());
		assertTrue(run("list", "--status", "closed").out().isEmpty());
	}

	@Test
	void timelineAndMetricsExports() throws Exception {
		String id = run("new", "--title", "Timeline", "--events", "*").out().strip();
		Path csv = folder.resolve("timeline.csv");

		run("timeline", id, "--out", csv.toString());
		String jsonl = run("timeline", id, "--format", "jsonl", "--kind", "event").out();

		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertEquals(4, lines.size(), lines.toString());
		assertTrue(lines.get(0).startsWith("occurred,discovered,kind"));
		assertTrue(lines.get(1).startsWith(T0 + ","), lines.get(1));
		assertEquals(3, jsonl.lines().count());
		JsonNode metrics = JSON.readTree(run("metrics", "--format", "json").out());
		assertEquals(1, metrics.get("incidents").size());
		assertTrue(metrics.get("incidents").get(0).get("time_to_detect").isNull(), "no detected date yet");
		assertEquals(0, metrics.get("summary").get("time_to_detect").get("count").asInt());
	}

	@Test
	void fieldsDatesTasksTechniquesReferencesAndMarks() throws Exception {
		String id = run("new", "--title", "Edit me", "--events", "hostname:db1").out().strip();

		run("set", id, "--title", "Edited", "--owner", "bob", "--severity", "critical", "--lessons", "patch sooner");
		run("date", id, "detected", "2026-12-03T10:30:00Z");
		run("date", id, "contained", "2026-12-03T11:00:00Z");
		run("date", id, "reported", "now");
		run("date", id, "reported", "-");
		String task = run("task", id, "Reset the password", "--assignee", "alice", "--due", "2026-12-05T09:00:00Z")
				.out().strip();
		run("done", id, task);
		run("technique", id, "T1078", "t1021.004");
		run("reference", id, "https://ticket.example/7");
		String eventKey = "event:" + store().require(id).items().get(0).sourceId();
		run("mark", id, eventKey, "--star", "--tag", "entry", "--comment", "first seen");
		run("mark", id, eventKey, "--tag", "pivot");

		Incident incident = store().require(id);
		assertEquals("Edited", incident.title());
		assertEquals("bob", incident.owner());
		assertEquals("patch sooner", incident.fields().lessonsLearned());
		assertEquals(Instant.parse("2026-12-03T10:30:00Z"), incident.dates().detected());
		assertEquals(null, incident.dates().reported(), "- forgets a date");
		assertTrue(incident.tasks().get(0).done());
		assertEquals(Instant.parse("2026-12-05T09:00:00Z"), incident.tasks().get(0).due());
		assertEquals(List.of("T1078", "T1021.004"), incident.techniques());
		assertEquals(List.of("https://ticket.example/7"), incident.references());
		assertEquals(List.of("pivot"), incident.marks().get(0).tags());
		assertTrue(incident.marks().get(0).starred(), "a later mark keeps the star");
		assertEquals("first seen", incident.marks().get(0).comment());

		JsonNode metrics = JSON.readTree(run("metrics", "--format", "json").out());
		JsonNode one = metrics.get("incidents").get(0);
		assertEquals("PT29M51S", one.get("time_to_detect").asText(), "from the db1 event at 10:00:09");
		assertEquals("PT30M", one.get("time_to_contain").asText());
		assertEquals("PT30M", metrics.get("summary").get("time_to_contain").get("median").asText());
		assertTrue(run("metrics").out().contains("29m51s"));
		assertMessage("is not a time", "date", id, "detected", "yesterday-ish");
		assertMessage("has no timeline entry", "mark", id, "event:nope", "--star");
		assertMessage("has no task", "done", id, "no-such-task");
	}

	@Test
	void otherCapabilitiesAddActions() throws Exception {
		String id = run("new", "--title", "Reported").out().strip();
		List<String> seen = new ArrayList<>();
		IncidentAction brief = new IncidentAction() {
			@Override
			public String name() {
				return "brief";
			}

			@Override
			public String usage() {
				return "incident brief ID";
			}

			@Override
			public int run(CommandContext context, List<String> arguments, IncidentStore incidents) throws Exception {
				seen.add(incidents.resolve(arguments.get(0)));
				return 3;
			}
		};
		assertMessage("unknown incident action 'brief'", "brief", id);

		command.addAction(brief);

		assertEquals(3, run("brief", id.substring(0, 7)).code());
		assertEquals(List.of(id), seen);
		assertTrue(command.usage().endsWith("\n  incident brief ID"), command.usage());
		command.removeAction(brief);
		assertMessage("unknown incident action 'brief'", "brief", id);
	}

	@Test
	void userErrorsAreCommandExceptions() throws Exception {
		String id = run("new", "--title", "Errors").out().strip();
		assertMessage("unknown phase 'panic'", "phase", id, "panic");
		assertMessage("does not exist", "note", "inc-zzzzzzzzzz", "text");
		assertMessage("does not exist or is not a file", "evidence", id, folder.resolve("missing").toString());
		assertMessage("unknown observable kind 'mac'", "observable", id, "mac", "00:11");
		assertMessage("--format is csv or jsonl", "timeline", id, "--format", "xml");
		assertMessage("needs --title", "new");
		assertMessage("unknown incident action 'frobnicate'", "frobnicate");
	}

	private void assertMessage(String expected, String... arguments) {
		CommandException e = assertThrows(CommandException.class, () -> run(arguments));
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}

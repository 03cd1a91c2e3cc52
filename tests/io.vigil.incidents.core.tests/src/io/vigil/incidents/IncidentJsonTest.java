package io.vigil.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class IncidentJsonTest {

	@TempDir
	Path folder;
	private IncidentsFixture fixture;

	@BeforeEach
	void open() throws Exception {
		fixture = new IncidentsFixture(folder);
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	/** An incident with at least one of everything, as the store keeps it. */
	private Incident full() throws Exception {
		IncidentStore store = fixture.store();
		String id = store.create(IncidentFields.titled("Everything \"quoted\"").withSummary("line 1\nline 2")
				.withSeverity(IncidentSeverity.CRITICAL).withOwner("alice").withTlp(Tlp.RED)
				.withDates(KeyDates.NONE.with(KeyDate.DETECTED, IncidentsFixture.START.minusSeconds(60))
						.with(KeyDate.CONTAINED, IncidentsFixture.START.plusNanos(123_456_789)))
				.withAnalysis("theory", "mitigation", "lesson"), "alice").id();
		store.addReference(id, "https://example.org/a");
		store.addTechnique(id, "T1059.001");
		store.addNote(id, "bob", "ünïcode note");
		store.addTask(id, "with due", "carol", IncidentsFixture.START.plusSeconds(99));
		store.addTask(id, "without due", "", null);
		store.addObservable(id, ObservableKind.HASH, "d41d8cd98f00b204e9800998ecf8427e", "");
		var evidence = store.addEvidence(id, new byte[] {4, 5, 6}, new EvidenceDraft("x.bin", "", "desc", "src", "dave"));
		fixture.clock().advance(Duration.ofSeconds(3));
		store.recordCustody(id, evidence.id(), CustodyAction.EXPORTED, "dave", "to bundle.vigil");
		store.promote(id, PromotedItem.of(ItemKind.EVENT, "ev-1", "{\"n\":1.0E10,\"s\":\"x\"}",
				IncidentsFixture.START, IncidentsFixture.START, "h", "u", "s", "t"));
		store.changePhase(id, IncidentPhase.ERADICATION, "alice");
		store.mark(id, new EntryMark("event:ev-1", true, List.of("t1", "t2"), "c", IncidentsFixture.START));
		return store.require(id);
	}

	@Test
	void anIncidentRoundTripsLosslessly() throws Exception {
		Incident incident = full();
		ObjectNode json = IncidentJson.toJson(incident);

		String text = new ObjectMapper().writeValueAsString(json);
		Incident back = IncidentJson.fromJson(new ObjectMapper().readTree(text));

		assertEquals(incident, back);
		assertEquals(1, json.get("evidence").get(0).get("custody").size() - 1, "added, then exported");
		assertEquals("{\"n\":1.0E10,\"s\":\"x\"}", back.items().get(0).snapshot(), "the snapshot byte for byte");
		fixture.store().delete(incident.id());
		assertEquals(incident, fixture.store().upsert(back), "what an import stores is what was exported");
	}

	@Test
	void badJsonNamesTheField() throws Exception {
		ObjectNode json = IncidentJson.toJson(full());
		((ObjectNode) json.withArray("tasks").get(0)).put("due", "tomorrow");
		IllegalArgumentException due = assertThrows(IllegalArgumentException.class, () -> IncidentJson.fromJson(json));
		assertTrue(due.getMessage().contains("'tasks[0].due' is 'tomorrow'"), due.getMessage());

		ObjectNode phase = IncidentJson.toJson(full());
		phase.put("phase", "panic");
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
				() -> IncidentJson.fromJson(phase));
		assertTrue(unknown.getMessage().contains("'phase': unknown phase 'panic'"), unknown.getMessage());

		ObjectNode other = new ObjectMapper().createObjectNode().put("format", "something");
		assertThrows(IllegalArgumentException.class, () -> IncidentJson.fromJson(other));
	}
}

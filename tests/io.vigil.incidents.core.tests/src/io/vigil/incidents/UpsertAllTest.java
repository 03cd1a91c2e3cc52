package io.vigil.incidents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.workspace.WorkspaceException;

/** Several incidents are stored together or not at all, as the merge of one bundle needs. */
class UpsertAllTest {

	@TempDir
	Path folder;

	@Test
	void oneIncidentThatCannotBeStoredLeavesTheOthersOutToo() throws Exception {
		List<Incident> sent = new ArrayList<>();
		try (IncidentsFixture alice = new IncidentsFixture(folder.resolve("alice"))) {
			for (String title : List.of("First", "Second")) {
				String id = alice.store().create(IncidentFields.titled(title), "alice").id();
				alice.store().addNote(id, "alice", title + " note");
				sent.add(alice.store().require(id));
			}
		}
		Incident second = sent.get(1);
		Note broken = new Note("x".repeat(200), "alice", second.notes().get(0).time(), "an id longer than its column");
		Incident bad = new Incident(second.id(), second.fields(), second.status(), second.phase(), second.references(),
				second.techniques(), second.created(), second.updated(), List.of(broken), second.tasks(),
				second.observables(), second.evidence(), second.items(), second.stateChanges(), second.marks());

		try (IncidentsFixture bob = new IncidentsFixture(folder.resolve("bob"))) {
			assertThrows(WorkspaceException.class, () -> bob.store().upsertAll(List.of(sent.get(0), bad)));
			assertTrue(bob.store().get(sent.get(0).id()).isEmpty(), "the first was not stored either");

			bob.store().upsertAll(sent);
			assertEquals(List.of("First note"), bob.store().require(sent.get(0).id()).notes().stream().map(Note::text)
					.toList());
			assertEquals(2, bob.store().list(IncidentFilter.ALL).size());
		}
	}
}

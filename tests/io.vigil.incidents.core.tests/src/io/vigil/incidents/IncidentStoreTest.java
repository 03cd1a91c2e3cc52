package io.vigil.incidents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.store.SchemaContribution;
import io.vigil.core.store.SchemaMigration;
import io.vigil.core.workspace.Workspace;
import io.vigil.core.workspace.WorkspaceException;

class IncidentStoreTest {

	@TempDir
	Path folder;
	private IncidentsFixture fixture;
	private IncidentStore store;

	@BeforeEach
	void open() throws Exception {
		fixture = new IncidentsFixture(folder);
		store = fixture.store();
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	private Incident create(String title) throws Exception {
		return store.create(IncidentFields.titled(title), "alice");
	}

	@Test
	void aNewIncidentIsOpenInIdentificationWithARandomIdAndComesBackAfterAReopen() throws Exception {
		IncidentFields fields = IncidentFields.titled("SSH brute force on web1").withSummary("Many failed logins")
				.withSeverity(IncidentSeverity.HIGH).withOwner("alice").withTlp(Tlp.AMBER_STRICT)
				.withDates(KeyDates.NONE.with(KeyDate.DETECTED, IncidentsFixture.START.minusSeconds(600)))
				.withAnalysis("a bot", "blocked the address", "use keys");
		Incident created = store.create(fields, "alice");
		Incident other = create("Second");

		assertTrue(IncidentIds.INCIDENT_ID.matcher(created.id()).matches(), created.id());
		assertFalse(created.id().equals(other.id()));
		assertEquals(IncidentStatus.OPEN, created.status());
		assertEquals(IncidentPhase.IDENTIFICATION, created.phase());
		assertEquals(fields, created.fields());
		assertEquals(IncidentsFixture.START, created.created());
		fixture.reopen();
		assertEquals(created, fixture.store().require(created.id()));
	}

	@Test
	void childrenAreStoredAndRemoved() throws Exception {
		String id = create("Phishing").id();
		Note note = store.addNote(id, "bob", "Mail came from a look-alike domain");
		fixture.clock().advance(Duration.ofMinutes(1));
		IncidentTask task = store.addTask(id, "Block the domain", "carol", IncidentsFixture.START.plusSeconds(3600));
		store.setTaskDone(id, task.id(), true);
		Observable domain = store.addObservable(id, ObservableKind.DOMAIN, "examp1e.com", "sender domain");
		Observable again = store.addObservable(id, ObservableKind.DOMAIN, "examp1e.com", "twice");
		store.addTechnique(id, "t1566.001");
		store.addTechnique(id, "T1566.001");
		store.addTechnique(id, "attack.t1204");
		store.addReference(id, "https://ticket.example/INC-42");

		Incident incident = store.require(id);
		assertEquals(List.of(note), incident.notes());
		assertEquals(1, incident.tasks().size());
		assertTrue(incident.tasks().get(0).done());
		assertEquals(fixture.clock().instant(), incident.tasks().get(0).doneAt());
		assertEquals(List.of(domain), incident.observables());
		assertEquals(domain, again, "the same kind and value is one observable");
		assertEquals(List.of("T1566.001", "T1204"), incident.techniques());
		assertEquals(List.of("https://ticket.example/INC-42"), incident.references());
		assertEquals(fixture.clock().instant(), incident.updated());

		store.removeNote(id, note.id());
		store.removeTask(id, task.id());
		store.removeObservable(id, domain.id());
		store.removeTechnique(id, "T1204");
		store.removeReference(id, "https://ticket.example/INC-42");
		incident = store.require(id);
		assertTrue(incident.notes().isEmpty() && incident.tasks().isEmpty() && incident.observables().isEmpty());
		assertEquals(List.of("T1566.001"), incident.techniques());
		assertTrue(incident.references().isEmpty());
	}

	@Test
	void badInputIsRefusedWithAClearMessage() throws Exception {
		String id = create("Malware").id();
		IllegalArgumentException technique = assertThrows(IllegalArgumentException.class,
				() -> store.addTechnique(id, "T12"));
		assertTrue(technique.getMessage().contains("'T12' is not an ATT&CK technique id"), technique.getMessage());
		IllegalArgumentException title = assertThrows(IllegalArgumentException.class,
				() -> store.create(IncidentFields.titled("x".repeat(1025)), "alice"));
		assertTrue(title.getMessage().contains("the title is 1025 characters long"), title.getMessage());
		assertThrows(IllegalArgumentException.class, () -> IncidentFields.titled(" "));
		WorkspaceException unknown = assertThrows(WorkspaceException.class,
				() -> store.addNote("inc-aaaaaaaaaa", "a", "b"));
		assertTrue(unknown.getMessage().contains("Incident inc-aaaaaaaaaa does not exist"), unknown.getMessage());
	}

	@Test
	void phaseAndStatusChangesAreRecorded() throws Exception {
		String id = create("Ransomware").id();
		fixture.clock().advance(Duration.ofMinutes(5));
		store.changePhase(id, IncidentPhase.CONTAINMENT, "alice");
		store.changePhase(id, IncidentPhase.CONTAINMENT, "alice");
		fixture.clock().advance(Duration.ofMinutes(5));
		Incident closed = store.changePhase(id, IncidentPhase.CLOSED, "bob");

		assertEquals(IncidentStatus.CLOSED, closed.status());
		assertEquals(fixture.clock().instant(), closed.dates().closed(), "closing sets the closed date");
		List<StateChange> history = closed.stateChanges();
		assertEquals(3, history.size(), history.toString());
		assertEquals(List.of("identification->containment", "containment->closed", "open->closed"),
				history.stream().map(c -> c.from() + "->" + c.to()).toList());
		assertEquals("bob", history.get(2).who());
		assertEquals(StateField.STATUS, history.get(2).field());

		Incident reopened = store.changeStatus(id, IncidentStatus.OPEN, "carol");
		assertEquals(IncidentStatus.OPEN, reopened.status());
		assertEquals(IncidentPhase.CLOSED, reopened.phase(), "reopening keeps the phase");
		store.changeStatus(id, IncidentStatus.CLOSED, "carol");
		Incident recovering = store.changePhase(id, IncidentPhase.RECOVERY, "dave");
		assertEquals(IncidentStatus.OPEN, recovering.status(), "leaving the closed phase reopens it");
		StateChange last = recovering.stateChanges().get(recovering.stateChanges().size() - 1);
		assertEquals("closed->open by dave", last.from() + "->" + last.to() + " by " + last.who());
	}

	@Test
	void evidenceIsCopiedUnderItsHashWithAChainOfCustody() throws Exception {
		String id = create("Exfiltration").id();
		Path file = folder.resolve("capture.pcap");
		byte[] bytes = "not really a capture\n".repeat(1000).getBytes(StandardCharsets.US_ASCII);
		Files.write(file, bytes);
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

		Evidence evidence = store.addEvidence(id, file,
				new EvidenceDraft("capture.pcap", "", "the capture", "fw1", "dave"));
		fixture.clock().advance(Duration.ofMinutes(1));
		store.recordCustody(id, evidence.id(), CustodyAction.VIEWED, "erin", "opened in the packet view");

		assertEquals(expected, evidence.sha256());
		assertEquals(bytes.length, evidence.size());
		assertEquals("application/vnd.tcpdump.pcap", evidence.mediaType());
		Path stored = fixture.directory().resolve("incidents").resolve("evidence").resolve(expected);
		assertTrue(Files.isRegularFile(stored));
		assertArrayEquals(bytes, Files.readAllBytes(stored));
		Evidence read = store.require(id).evidence(evidence.id()).orElseThrow();
		assertEquals(List.of(CustodyAction.ADDED, CustodyAction.VIEWED),
				read.custody().stream().map(CustodyEntry::action).toList());
		assertEquals(file.toAbsolutePath().toString(), read.custody().get(0).detail());
		assertEquals("erin", read.custody().get(1).who());
		Evidence extract = store.addEvidence(id, "line 1\n".getBytes(StandardCharsets.UTF_8),
				new EvidenceDraft("extract.txt", "", "", "", "dave"));
		assertEquals("text/plain", extract.mediaType());
		assertEquals(2, store.require(id).evidence().size());
	}

	@Test
	void aMissingEvidenceFileIsRefusedAndNothingIsStored() throws Exception {
		String id = create("Missing file").id();
		Path missing = folder.resolve("nope.bin");
		WorkspaceException refused = assertThrows(WorkspaceException.class,
				() -> store.addEvidence(id, missing, new EvidenceDraft("nope.bin", "", "", "", "a")));
		assertTrue(refused.getMessage().contains(missing + " does not exist"), refused.getMessage());
		assertTrue(store.require(id).evidence().isEmpty());
	}

	@Test
	void aFailingWriteLeavesTheIncidentAsItWas() throws Exception {
		String id = create("Insider").id();
		store.addNote(id, "alice", "first");
		Incident before = store.require(id);
		Note duplicate = new Note("same-id", "bob", IncidentsFixture.START, "one");
		Incident broken = new Incident(id, IncidentFields.titled("Changed title"), IncidentStatus.CLOSED,
				IncidentPhase.CLOSED, List.of("ref"), List.of("T1078"), before.created(), before.updated(),
				List.of(duplicate, duplicate), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

		assertThrows(WorkspaceException.class, () -> store.upsert(broken));
		assertEquals(before, store.require(id), "the failed upsert changed nothing");

		PromotedItem good = PromotedItem.of(ItemKind.EVENT, "e1", "{}", IncidentsFixture.START,
				IncidentsFixture.START, "", "", "", "ok");
		PromotedItem tooLong = PromotedItem.of(ItemKind.EVENT, "e2", "{}", IncidentsFixture.START,
				IncidentsFixture.START, "h".repeat(2000), "", "", "too long a host");
		assertThrows(IllegalArgumentException.class, () -> store.promoteAll(id, List.of(good, tooLong)));
		assertEquals(before, store.require(id), "a refused promotion stores none of its items");
	}

	@Test
	void upsertStoresAWholeIncidentWithItsIds() throws Exception {
		Incident original = create("Shared case");
		store.addNote(original.id(), "alice", "hello");
		store.promote(original.id(), PromotedItem.of(ItemKind.ALERT, "7", "{\"a\":1}", IncidentsFixture.START,
				IncidentsFixture.START.plusSeconds(5), "web1", "root", "rule x", "Brute force"));
		store.mark(original.id(), new EntryMark("alert:7", true, List.of("key"), "the start", IncidentsFixture.START));
		Incident full = store.require(original.id());
		store.delete(original.id());
		assertTrue(store.get(original.id()).isEmpty());

		assertEquals(full, store.upsert(full));
		Incident renamed = new Incident(full.id(), IncidentFields.titled("Renamed"), full.status(), full.phase(),
				full.references(), full.techniques(), full.created(), full.updated(), List.of(), full.tasks(),
				full.observables(), full.evidence(), full.items(), full.stateChanges(), full.marks());
		assertEquals(renamed, store.upsert(renamed), "an upsert replaces what is stored");
	}

	@Test
	void promotingASourceTwiceKeepsOneItem() throws Exception {
		String id = create("Dupes").id();
		PromotedItem first = PromotedItem.of(ItemKind.PACKET, "pcap#12", "{}", IncidentsFixture.START,
				IncidentsFixture.START, "", "", "", "SYN");
		assertTrue(store.promote(id, first));
		assertFalse(store.promote(id, PromotedItem.of(ItemKind.PACKET, "pcap#12", "{}", IncidentsFixture.START,
				IncidentsFixture.START, "", "", "", "SYN again")));
		assertTrue(store.promote(id, PromotedItem.of(ItemKind.EVENT, "pcap#12", "{}", IncidentsFixture.START,
				IncidentsFixture.START, "", "", "", "another kind")));
		assertEquals(2, store.require(id).items().size());
	}

	@Test
	void listFiltersAndPrefixesResolve() throws Exception {
		Incident high = store.create(IncidentFields.titled("Web shell").withSeverity(IncidentSeverity.HIGH)
				.withOwner("alice"), "alice");
		fixture.clock().advance(Duration.ofSeconds(1));
		Incident low = store.create(IncidentFields.titled("Spam wave").withSeverity(IncidentSeverity.LOW), "bob");
		store.changePhase(low.id(), IncidentPhase.CLOSED, "bob");

		assertEquals(List.of(low.id(), high.id()), ids(store.list(IncidentFilter.ALL)), "newest first");
		assertEquals(List.of(high.id()), ids(store.list(new IncidentFilter(Set.of(IncidentStatus.OPEN), "", Set.of(),
				Set.of(), ""))));
		assertEquals(List.of(high.id()), ids(store.list(new IncidentFilter(Set.of(), "alice", Set.of(), Set.of(), ""))));
		assertEquals(List.of(low.id()), ids(store.list(new IncidentFilter(Set.of(), "",
				Set.of(IncidentSeverity.LOW), Set.of(IncidentPhase.CLOSED), "spam"))));

		assertEquals(high.id(), store.resolve(high.id()));
		assertEquals(high.id(), store.resolve(high.id().substring(0, 9)));
		WorkspaceException several = assertThrows(WorkspaceException.class, () -> store.resolve("inc-"));
		assertTrue(several.getMessage().contains("several incident ids"), several.getMessage());
		assertThrows(WorkspaceException.class, () -> store.resolve("inc-zzzzzzzzzz9"));
	}

	private static List<String> ids(List<Incident> incidents) {
		List<String> ids = new ArrayList<>();
		incidents.forEach(incident -> ids.add(incident.id()));
		return ids;
	}

	@Test
	void aDatabaseOfSchemaVersionOneIsBroughtUpToDate() throws Exception {
		Path directory = folder.resolve("old");
		try (Workspace old = Workspace.open(directory, "test")) {
			old.ensureSchema(new SchemaContribution() {
				@Override
				public String component() {
					return IncidentsSchema.COMPONENT;
				}

				@Override
				public List<SchemaMigration> migrations() {
					return new IncidentsSchema().migrations().subList(0, 1);
				}
			});
		}
		try (Workspace upgraded = Workspace.open(directory, "test")) {
			IncidentStore later = IncidentStore.open(upgraded, fixture.clock());
			assertEquals(2, upgraded.schemaVersions().get(IncidentsSchema.COMPONENT));
			String id = later.create(IncidentFields.titled("After the upgrade"), "alice").id();
			assertEquals(2, later.changePhase(id, IncidentPhase.CLOSED, "alice").stateChanges().size());
		}
	}

	@Test
	void listenersHearOfCommittedChangesOnly() throws Exception {
		String id = create("Listened").id();
		List<String> heard = new ArrayList<>();
		Consumer<String> listener = heard::add;
		store.addListener(listener);
		store.addNote(id, "alice", "one");
		assertThrows(WorkspaceException.class, () -> store.addNote("inc-bbbbbbbbbb", "alice", "two"));
		store.removeListener(listener);
		store.addNote(id, "alice", "three");
		assertEquals(List.of(id), heard);
	}

	@Test
	void marksAreStoredAndRemovedWhenEmpty() throws Exception {
		String id = create("Marks").id();
		fixture.clock().advance(Duration.ofMinutes(3));
		store.mark(id, new EntryMark("event:abc", true, List.of("c2", "beacon"), "first beacon", null));
		assertEquals(List.of("c2", "beacon"), store.marks(id).get("event:abc").tags());
		assertEquals(fixture.clock().instant(), store.marks(id).get("event:abc").updated(), "marked now");
		store.mark(id, new EntryMark("event:abc", false, List.of(), "", IncidentsFixture.START));
		assertTrue(store.marks(id).isEmpty());
		assertNull(store.marks(id).get("event:abc"));
	}
}

package io.vigil.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alice sends five objects to Bob; then each changes some of them, and Alice sends them again:
 * the plan tells what only she changed, what only he changed and what both changed.
 */
class MergePlanTest {

	@TempDir
	Path folder;
	private Handler alice;
	private Handler bob;

	@BeforeEach
	void setUp() throws Exception {
		alice = new Handler(folder, "alice");
		bob = new Handler(folder, "bob");
		alice.put(note("same", "v1"), note("theirs", "v1"), note("ours", "v1"), note("both", "v1"));
		send();
		alice.put(note("theirs", "alice's"), note("both", "alice's"), note("new", "v1"));
		bob.put(note("ours", "bob's"), note("both", "bob's"));
	}

	@AfterEach
	void tearDown() throws Exception {
		alice.close();
		bob.close();
	}

	private static ExchangeObject note(String id, String text) {
		return Handler.object("evidence", id, "{\"note\":\"" + text + "\"}");
	}

	private MergePlan send() throws Exception {
		Path file = folder.resolve("bundle-" + System.nanoTime() + ".vigil");
		alice.export(alice.stored(), file);
		MergePlan plan = bob.bundles.plan(bob.open(file), List.of(bob.participant));
		bob.bundles.merge(plan, Map.of(), MergeDecision.OURS);
		return plan;
	}

	private MergePlan plan() throws Exception {
		Path file = folder.resolve("again.vigil");
		alice.export(alice.stored(), file);
		return bob.bundles.plan(bob.open(file), List.of(bob.participant));
	}

	@Test
	void eachObjectGetsItsAction() throws Exception {
		MergePlan plan = plan();

		Map<String, MergeAction> actions = new LinkedHashMap<>();
		plan.items().forEach(item -> actions.put(item.theirs().id(), item.action()));
		assertEquals(Map.of("same", MergeAction.SAME, "theirs", MergeAction.UPDATE, "ours", MergeAction.KEEP, "both",
				MergeAction.CONFLICT, "new", MergeAction.ADD), actions);
	}

	@Test
	void mergingKeepsOursInAConflictUnlessDecidedOtherwise() throws Exception {
		MergeResult result = bob.bundles.merge(plan(), Map.of(), MergeDecision.OURS);

		assertEquals(List.of("evidence:new", "evidence:theirs"), result.stored().stream().sorted().toList());
		assertEquals(List.of("evidence:both"), result.keptOurs());
		assertEquals("bob's", bob.stored("evidence", "both").content().path("note").asText());
		assertEquals("alice's", bob.stored("evidence", "theirs").content().path("note").asText());
		assertEquals("bob's", bob.stored("evidence", "ours").content().path("note").asText());
		assertEquals("v1", bob.stored("evidence", "new").content().path("note").asText());
	}

	@Test
	void aConflictDecidedForTheBundleTakesTheirs() throws Exception {
		MergeResult result = bob.bundles.merge(plan(), Map.of("evidence:both", MergeDecision.THEIRS), MergeDecision.OURS);

		assertEquals(List.of(), result.keptOurs());
		assertEquals("alice's", bob.stored("evidence", "both").content().path("note").asText());
	}

	@Test
	void aPlanOvertakenByALocalChangeStoresNothing() throws Exception {
		MergePlan plan = plan();
		// While Bob reads the plan, he edits an object the plan would update.
		bob.put(note("theirs", "bob's meanwhile"));

		ExchangeException error = assertThrows(ExchangeException.class,
				() -> bob.bundles.merge(plan, Map.of(), MergeDecision.OURS));

		assertTrue(error.getMessage().startsWith("evidence:theirs changed in this workspace"), error.getMessage());
		assertEquals("bob's meanwhile", bob.stored("evidence", "theirs").content().path("note").asText());
		assertTrue(bob.participant.current("evidence", "new", bob.workspace).isEmpty(), "nothing else stored");
	}

	@Test
	void afterAMergeTheSameBundleChangesNothing() throws Exception {
		bob.bundles.merge(plan(), Map.of(), MergeDecision.OURS);

		MergePlan again = plan();

		Map<String, MergeAction> actions = new LinkedHashMap<>();
		again.items().forEach(item -> actions.put(item.theirs().id(), item.action()));
		assertEquals(Map.of("same", MergeAction.SAME, "theirs", MergeAction.SAME, "ours", MergeAction.KEEP, "both",
				MergeAction.KEEP, "new", MergeAction.SAME), actions);
	}

	@Test
	void objectsNoParticipantStoresAreLeftOut() throws Exception {
		Path file = folder.resolve("again.vigil");
		alice.export(alice.stored(), file);
		TestParticipant incidentsOnly = new TestParticipant(java.util.Set.of("incident"));

		MergePlan plan = bob.bundles.plan(bob.open(file), List.of(incidentsOnly));
		MergeResult result = bob.bundles.merge(plan, Map.of(), MergeDecision.OURS);

		assertEquals(5, plan.items(MergeAction.UNSUPPORTED).size());
		assertEquals(5, result.skipped().size());
		assertEquals(List.of(), result.stored());
	}
}

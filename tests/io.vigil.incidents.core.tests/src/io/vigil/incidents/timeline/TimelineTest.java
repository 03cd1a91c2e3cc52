package io.vigil.incidents.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.incidents.EntryMark;
import io.vigil.incidents.EvidenceDraft;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentPhase;
import io.vigil.incidents.IncidentStore;
import io.vigil.incidents.IncidentTask;
import io.vigil.incidents.IncidentsFixture;
import io.vigil.incidents.ItemKind;
import io.vigil.incidents.PromotedItem;

class TimelineTest {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	@TempDir
	Path folder;
	private IncidentsFixture fixture;
	private IncidentStore store;
	private String id;

	@BeforeEach
	void open() throws Exception {
		fixture = new IncidentsFixture(folder);
		store = fixture.store();
		id = store.create(IncidentFields.titled("Timeline"), "alice").id();
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	@Test
	void everythingAnIncidentHoldsIsMergedInTimeOrder() throws Exception {
		store.promote(id, PromotedItem.of(ItemKind.EVENT, "e2", "{}", T0.plusSeconds(20), IncidentsFixture.START,
				"web1", "root", "sshd", "second login"));
		store.promote(id, PromotedItem.of(ItemKind.EVENT, "e1", "{}", T0, IncidentsFixture.START, "web1", "root", "sshd",
				"first login"));
		store.promote(id, PromotedItem.of(ItemKind.ALERT, "4", "{}", T0.plusSeconds(30), T0.plusSeconds(90), "web1", "",
				"rule brute", "Brute force"));
		store.addNote(id, "bob", "Looks like a bot\nsecond line");
		IncidentTask task = store.addTask(id, "Block 10.0.0.5", "carol", IncidentsFixture.START.plusSeconds(3600));
		fixture.clock().advance(Duration.ofMinutes(10));
		store.setTaskDone(id, task.id(), true);
		store.addEvidence(id, new byte[] {1, 2, 3}, new EvidenceDraft("dump.bin", "", "", "web1", "dave"));
		store.changePhase(id, IncidentPhase.CONTAINMENT, "alice");

		Timeline timeline = Timeline.of(store.require(id));

		assertEquals(List.of(EntryKind.EVENT, EntryKind.EVENT, EntryKind.ALERT, EntryKind.NOTE, EntryKind.TASK_CREATED,
				EntryKind.EVIDENCE, EntryKind.STATE_CHANGE, EntryKind.TASK_DONE, EntryKind.TASK_DUE),
				timeline.entries().stream().map(TimelineEntry::kind).toList());
		TimelineEntry alert = timeline.get(2);
		assertEquals("alert:4", alert.key());
		assertEquals(T0.plusSeconds(90), alert.discovered());
		assertEquals("alert", alert.originKind());
		assertEquals("4", alert.originId());
		assertEquals("Note by bob: Looks like a bot", timeline.get(3).title());
		assertEquals("The phase changed from identification to containment", timeline.get(6).title());
		for (int i = 1; i < timeline.size(); i++) {
			assertFalse(timeline.get(i).occurred().isBefore(timeline.get(i - 1).occurred()));
		}
	}

	@Test
	void lanesFiltersAndMarks() throws Exception {
		store.promote(id, PromotedItem.of(ItemKind.EVENT, "a", "{}", T0, T0, "web1", "root", "sshd", "login root"));
		store.promote(id, PromotedItem.of(ItemKind.EVENT, "b", "{}", T0.plusSeconds(1), T0, "Db1", "", "sshd", "login"));
		store.promote(id, PromotedItem.of(ItemKind.EVENT, "c", "{}", T0.plusSeconds(2), T0, "", "", "", "no host"));
		store.promote(id, PromotedItem.of(ItemKind.ALERT, "9", "{}", T0.plusSeconds(3), T0, "web1", "", "rule", "alert"));
		store.mark(id, new EntryMark("event:b", true, List.of("pivot"), "lateral move", T0));

		Timeline timeline = Timeline.of(store.require(id));
		List<Lane> hosts = timeline.lanes(LaneKey.HOST);

		assertEquals(List.of("Db1", "web1", ""), hosts.stream().map(Lane::name).toList());
		assertEquals(List.of("event:a", "alert:9"),
				hosts.get(1).entries().entries().stream().map(TimelineEntry::key).toList());
		assertEquals(List.of("root", ""), timeline.lanes(LaneKey.USER).stream().map(Lane::name).toList());
		assertEquals(List.of("event:a", "event:b"),
				timeline.filter(Set.of(EntryKind.EVENT), "login").entries().stream().map(TimelineEntry::key).toList());
		assertEquals(List.of("alert:9"), timeline.filter(Set.of(EntryKind.ALERT), "").entries().stream()
				.map(TimelineEntry::key).toList());
		assertEquals(List.of("event:b"), timeline.filter(Set.of(), "LATERAL").entries().stream().map(TimelineEntry::key)
				.toList(), "the comment is searched");
		TimelineEntry marked = timeline.find("event:b").orElseThrow();
		assertTrue(marked.starred());
		assertEquals(List.of("pivot"), marked.tags());
		assertEquals(List.of(marked), timeline.starred().entries());
	}

	@Test
	void aStoredIncidentWithTenThousandItemsHasThemAllOnItsTimeline() throws Exception {
		List<PromotedItem> items = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			Instant occurred = T0.plusSeconds(i);
			items.add(PromotedItem.of(ItemKind.EVENT, "event-" + i, "{\"n\":" + i + "}", occurred, occurred,
					"host-" + (i % 20), "user-" + (i % 3), "sshd", "event " + i));
		}
		assertEquals(10_000, store.promoteAll(id, items));

		Timeline timeline = Timeline.of(store.require(id));

		assertEquals(10_000, timeline.size());
		assertEquals(20, timeline.lanes(LaneKey.HOST).size());
		assertEquals(600, timeline.between(T0.plusSeconds(1000), T0.plusSeconds(1600)).size());
		TimelineViewport viewport = TimelineViewport.of(timeline, 1600);
		viewport.zoom(100, 800);
		List<TimelineEntry> visible = viewport.visible(timeline);
		assertTrue(visible.size() > 50 && visible.size() < 150, visible.size() + " visible");
	}

	@Test
	void rangeQueriesOnTenThousandEntriesMatchAScan() {
		Random random = new Random(42);
		List<TimelineEntry> entries = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			Instant occurred = T0.plusMillis(random.nextInt(86_400_000));
			entries.add(new TimelineEntry("event:" + i, EntryKind.EVENT, occurred, occurred, "event " + i, "h" + (i % 7),
					"", "", "event", Integer.toString(i), false, List.of(), ""));
		}
		Timeline timeline = Timeline.of(entries);
		assertEquals(10_000, timeline.size());

		for (int query = 0; query < 200; query++) {
			Instant from = T0.plusMillis(random.nextInt(86_400_000));
			Instant to = from.plusMillis(random.nextInt(3_600_000));
			List<TimelineEntry> expected = timeline.entries().stream()
					.filter(e -> !e.occurred().isBefore(from) && e.occurred().isBefore(to)).toList();
			assertEquals(expected, timeline.between(from, to), "range " + from + " to " + to);
		}
		assertEquals(10_000, timeline.between(T0, T0.plus(Duration.ofDays(1))).size());
		assertEquals(0, timeline.between(T0.minusSeconds(10), T0.minusSeconds(5)).size());
		assertEquals(0, timeline.between(T0.plusSeconds(50), T0.plusSeconds(10)).size(), "an empty range");
	}
}

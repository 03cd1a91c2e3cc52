package io.vigil.rules.alerts;

import static io.vigil.rules.alerts.AlertsFixture.START;
import static io.vigil.rules.alerts.AlertsFixture.draft;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.core.workspace.WorkspaceException;
import io.vigil.rules.RuleLevel;
import io.vigil.rules.response.ActionRun;

/** The alert store on a real workspace database. */
class AlertStoreTest {

	@TempDir
	Path folder;

	private AlertsFixture fixture;
	private AlertStore store;

	@BeforeEach
	void open() throws Exception {
		fixture = new AlertsFixture(folder);
		store = fixture.store();
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	@Test
	void aRaisedAlertIsStoredWhole() throws Exception {
		AlertDraft draft = draft("rule-a", "10.0.0.1@2026-12-04T08:00:00Z", "10.0.0.1");

		Alert raised = store.raise(draft).orElseThrow();
		fixture.reopen();
		Alert read = fixture.store().get(raised.id()).orElseThrow();

		assertEquals(draft, read.draft());
		assertEquals(raised, read);
		assertEquals(START, read.raised());
		assertEquals(AlertStatus.NEW, read.status());
		assertEquals(Disposition.UNDECIDED, read.disposition());
		assertEquals("", read.assignee());
		assertEquals(List.of("event-3", "event-1", "event-2"), read.draft().eventIds(), "the events' order is kept");
		assertEquals("10.0.0.1", read.draft().samples().get(0).at("/details/sourceipaddress").asText());
	}

	@Test
	void timesSurviveADaylightSavingChangeAndKeepTheirNanoseconds() throws Exception {
		TimeZone zone = TimeZone.getDefault();
		// Both instants are 02:30 in Berlin on the night clocks go back: a local timestamp would
		// make them one.
		Instant first = Instant.parse("2026-10-25T00:30:00.123456789Z");
		Instant second = Instant.parse("2026-10-25T01:30:00.987654321Z");
		TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
		try {
			AlertDraft base = draft("rule-a", "k1", "10.0.0.1");
			AlertDraft draft = new AlertDraft(base.key(), base.ruleId(), 1, "t", "s", RuleLevel.LOW, "c", List.of(),
					List.of(), "", "", second, first, second, 2, List.of(), List.of(), Map.of());
			fixture.clock().advance(Duration.between(START, first));

			Alert raised = store.raise(draft).orElseThrow();
			Alert read = store.get(raised.id()).orElseThrow();

			assertEquals(raised, read);
			assertEquals(first, read.raised());
			assertEquals(first, read.draft().windowStart());
			assertEquals(second, read.draft().time());
			assertEquals(1, store.countSince("rule-a", first));
			assertEquals(0, store.countSince("rule-a", first.plusNanos(1)));
		} finally {
			TimeZone.setDefault(zone);
		}
	}

	@Test
	void raisingTheSameRuleAndKeyAgainStoresNothing() throws Exception {
		assertTrue(store.raise(draft("rule-a", "k1", "10.0.0.1")).isPresent());

		assertEquals(Optional.empty(), store.raise(draft("rule-a", "k1", "10.0.0.9")));
		assertTrue(store.raise(draft("rule-b", "k1", "10.0.0.1")).isPresent(), "keys are unique per rule");
		assertTrue(store.raise(draft("rule-a", "k2", "10.0.0.1")).isPresent());
		assertEquals(3, store.list(AlertFilter.all(0)).size());
	}

	@Test
	void raisingFromManyThreadsStoresEachKeyOnce() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> raisers = new ArrayList<>();
			for (int thread = 0; thread < 4; thread++) {
				raisers.add(() -> {
					int stored = 0;
					for (int key = 0; key < 50; key++) {
						stored += store.raise(draft("rule-a", "key-" + key, "10.0.0.1")).isPresent() ? 1 : 0;
					}
					return stored;
				});
			}
			int stored = 0;
			for (Future<Integer> result : threads.invokeAll(raisers, 2, TimeUnit.MINUTES)) {
				stored += result.get();
			}
			assertEquals(50, stored);
			assertEquals(50, store.list(AlertFilter.all(0)).size());
		} finally {
			threads.shutdownNow();
		}
	}

	@Test
	void thousandsOfAlertsAreFine() throws Exception {
		long started = System.nanoTime();
		for (int i = 0; i < 2000; i++) {
			store.raise(draft("rule-" + (i % 5), "key-" + i, "10.0.0." + (i % 250)));
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertTrue(took.toSeconds() < 120, "2000 alerts took " + took);
		fixture.reopen();
		assertEquals(400, fixture.store().metrics().get("rule-3").alerts());
		assertEquals(100, fixture.store().list(AlertFilter.all(100)).size());
		assertEquals("key-1999", fixture.store().list(AlertFilter.all(1)).get(0).draft().key(), "newest first");
	}

	@Test
	void alertsRaisedTogetherLeaveOutDuplicatesAndSuppressedOnes() throws Exception {
		assertTrue(store.raise(draft("rule-a", "k1", "10.0.0.1")).isPresent());
		store.suppress("rule-b", "10.0.0.7", "alice", "scanner", START.plus(Duration.ofHours(1)));

		List<Alert> stored = store.raiseAll(List.of(draft("rule-a", "k1", "10.0.0.1"), draft("rule-a", "k2", "10.0.0.2"),
				draft("rule-a", "k2", "10.0.0.2"), draft("rule-b", "k3", "10.0.0.7"), draft("rule-b", "k4", "10.0.0.8")));

		assertEquals(List.of("k2", "k4"), stored.stream().map(a -> a.draft().key()).toList());
		assertEquals(3, store.list(AlertFilter.all(0)).size());
		assertEquals(stored.get(1), store.get(stored.get(1).id()).orElseThrow());
	}

	@Test
	void anActiveSuppressionKeepsAlertsOutUntilItExpires() throws Exception {
		Suppression byValue = store.suppress("rule-a", "10.0.0.1", "alice", "scanner", START.plus(Duration.ofHours(1)));
		store.suppress("rule-b", "", "bob", "noisy rule", START.plus(Duration.ofHours(3)));

		assertEquals(Optional.empty(), store.raise(draft("rule-a", "k1", "10.0.0.1")));
		assertTrue(store.raise(draft("rule-a", "k2", "10.0.0.2")).isPresent(), "another value is not suppressed");
		assertEquals(Optional.empty(), store.raise(draft("rule-b", "k3", "10.0.0.7")), "an empty value suppresses all");
		assertEquals(2, store.suppressions(false).size());

		fixture.clock().advance(Duration.ofHours(2));
		assertTrue(store.raise(draft("rule-a", "k1", "10.0.0.1")).isPresent(), "expired, so no longer suppressing");
		assertEquals(Optional.empty(), store.raise(draft("rule-b", "k4", "10.0.0.7")));
		assertEquals(1, store.suppressions(false).size());
		assertEquals(2, store.suppressions(true).size());

		Suppression stored = store.suppressions(true).get(1);
		assertEquals(byValue, stored);
		assertEquals("alice", stored.owner());
		assertEquals(START, stored.created());
		assertFalse(stored.activeAt(fixture.clock().instant()));
	}

	@Test
	void aRemovedSuppressionNoLongerSuppresses() throws Exception {
		Suppression suppression = store.suppress("rule-a", "", "alice", "maintenance", START.plus(Duration.ofDays(1)));
		assertEquals(Optional.empty(), store.raise(draft("rule-a", "k1", "10.0.0.1")));

		store.removeSuppression(suppression.id());

		assertTrue(store.raise(draft("rule-a", "k1", "10.0.0.1")).isPresent());
		assertEquals(List.of(), store.suppressions(true));
	}

	@Test
	void triageRecordsEveryChangeWithWhoWhenAndComment() throws Exception {
		long id = store.raise(draft("rule-a", "k1", "10.0.0.1")).orElseThrow().id();

		store.setStatus(id, AlertStatus.IN_PROGRESS, "alice", "looking");
		fixture.clock().advance(Duration.ofMinutes(5));
		store.assign(id, "bob", "alice", "");
		store.setDisposition(id, Disposition.FALSE_POSITIVE, "bob", "the vulnerability scanner");
		store.setStatus(id, AlertStatus.IN_PROGRESS, "bob", "");
		store.comment(id, "bob", "asked for an allow list");
		store.setStatus(id, AlertStatus.CLOSED, "bob", "done");

		Alert alert = store.get(id).orElseThrow();
		assertEquals(AlertStatus.CLOSED, alert.status());
		assertEquals(Disposition.FALSE_POSITIVE, alert.disposition());
		assertEquals("bob", alert.assignee());
		Instant later = START.plus(Duration.ofMinutes(5));
		assertEquals(List.of(new AlertNote(START, "alice", "status NEW -> IN_PROGRESS", "looking"),
				new AlertNote(later, "alice", "assignee (nobody) -> bob", ""),
				new AlertNote(later, "bob", "disposition UNDECIDED -> FALSE_POSITIVE", "the vulnerability scanner"),
				new AlertNote(later, "bob", "comment", "asked for an allow list"),
				new AlertNote(later, "bob", "status IN_PROGRESS -> CLOSED", "done")), store.history(id));
		assertEquals(List.of(), store.list(AlertFilter.open(10)));
		assertEquals(0, store.count(AlertFilter.open(10)));
		assertEquals(1, store.count(AlertFilter.all(0)));
		assertEquals(1, store.list(new AlertFilter(Set.of(AlertStatus.CLOSED), "rule-a", 10)).size());
	}

	@Test
	void changingAnAlertThatDoesNotExistSaysSo() {
		WorkspaceException e = assertThrows(WorkspaceException.class,
				() -> store.setStatus(404, AlertStatus.CLOSED, "alice", ""));
		assertTrue(e.getMessage().contains("Alert 404 does not exist"), e.getMessage());
		assertThrows(WorkspaceException.class,
				() -> store.recordAction(404, new ActionRun("file", "/tmp/x", START, true, "appended")));
	}

	@Test
	void metricsGiveTheShareOfFalsePositives() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			ids.add(store.raise(draft("rule-a", "k" + i, "10.0.0.1")).orElseThrow().id());
		}
		store.raise(draft("rule-b", "k0", "10.0.0.1"));
		store.setDisposition(ids.get(0), Disposition.FALSE_POSITIVE, "alice", "");
		store.setDisposition(ids.get(1), Disposition.TRUE_POSITIVE, "alice", "");
		store.setDisposition(ids.get(2), Disposition.FALSE_POSITIVE, "alice", "");
		store.setDisposition(ids.get(2), Disposition.BENIGN_TRUE_POSITIVE, "alice", "changed my mind");

		Map<String, RuleMetrics> metrics = store.metrics();

		assertEquals(new RuleMetrics("rule-a", 4, 3, 1), metrics.get("rule-a"));
		assertEquals(1.0 / 3, metrics.get("rule-a").falsePositiveShare(), 1e-9);
		assertEquals(new RuleMetrics("rule-b", 1, 0, 0), metrics.get("rule-b"));
		assertEquals(0, metrics.get("rule-b").falsePositiveShare());
	}

	@Test
	void countSinceCountsWhatWasRaisedSince() throws Exception {
		store.raise(draft("rule-a", "k1", "10.0.0.1"));
		fixture.clock().advance(Duration.ofDays(1));
		store.raise(draft("rule-a", "k2", "10.0.0.1"));
		store.raise(draft("rule-a", "k3", "10.0.0.1"));

		assertEquals(3, store.countSince("rule-a", START));
		assertEquals(2, store.countSince("rule-a", START.plus(Duration.ofHours(12))));
		assertEquals(0, store.countSince("rule-b", START));
	}

	@Test
	void overLongTextIsCutAndOverLongIdsAreRefused() throws Exception {
		AlertDraft base = draft("rule-a", "k1", "10.0.0.1");
		String longText = "x".repeat(10_000);
		List<String> manyIds = new ArrayList<>();
		for (int i = 0; i < 1500; i++) {
			manyIds.add("event-" + i);
		}
		AlertDraft long1 = new AlertDraft("k".repeat(5000), base.ruleId(), 1, longText, longText, RuleLevel.LOW,
				longText, List.of(longText), List.of(), "f", longText, base.time(), base.windowStart(), base.windowEnd(),
				1500, manyIds, base.samples(), Map.of());

		Alert stored = store.raise(long1).orElseThrow();
		Alert read = store.get(stored.id()).orElseThrow();

		assertEquals(4096, read.draft().summary().length());
		assertTrue(read.draft().summary().endsWith("\u2026"));
		assertEquals(1024, read.draft().ruleTitle().length());
		assertEquals(AlertDraft.MAX_EVENT_IDS, read.draft().eventIds().size());
		assertEquals(1500, read.draft().eventCount());
		assertEquals(Optional.empty(), store.raise(long1), "the whole key still makes it a duplicate");

		IllegalArgumentException ruleId = assertThrows(IllegalArgumentException.class,
				() -> store.raise(draft("r".repeat(300), "k", "v")));
		assertTrue(ruleId.getMessage().contains("rule id is 300 characters"), ruleId.getMessage());
		AlertDraft longEvent = new AlertDraft("k2", "rule-a", 1, "t", "s", RuleLevel.LOW, "c", List.of(), List.of(), "",
				"", base.time(), base.time(), base.time(), 1, List.of("e".repeat(600)), List.of(), Map.of());
		assertThrows(IllegalArgumentException.class, () -> store.raise(longEvent));
		IllegalArgumentException comment = assertThrows(IllegalArgumentException.class,
				() -> store.setStatus(stored.id(), AlertStatus.CLOSED, "alice", "c".repeat(20_000)));
		assertTrue(comment.getMessage().contains("comment is 20000 characters"), comment.getMessage());
		assertEquals(AlertStatus.NEW, store.get(stored.id()).orElseThrow().status(), "a refused change changes nothing");
		assertEquals(1, store.list(AlertFilter.all(0)).size(), "nothing half stored");
	}
}

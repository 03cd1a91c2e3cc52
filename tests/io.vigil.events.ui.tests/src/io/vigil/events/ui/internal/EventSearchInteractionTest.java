package io.vigil.events.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.events.EventWorkspace;
import io.vigil.events.bench.EventGenerator;
import io.vigil.events.ingest.IngestReport;
import io.vigil.events.records.Dashboard;
import io.vigil.events.records.SavedSearch;
import io.vigil.events.search.TileData;
import io.vigil.events.store.StoredEvent;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.UiThread;

/**
 * What an analyst does in Event Search: a wrong query, pivots from a value, sorting, the detail of
 * an event, saving a search and opening it again, exporting, a dashboard tile, and an import.
 */
class EventSearchInteractionTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	static Path folder;

	private static EventWorkspace events;
	private static EventSearchPart part;
	private static EPartService parts;
	private static Path imported;

	@BeforeAll
	static void importAndOpen() throws Exception {
		IWorkbench workbench = PlatformUI.getWorkbench();
		events = Conditions.waitFor("the events service is up", WAIT, () -> workbench.getService(EventWorkspace.class));
		Path file = folder.resolve("events.jsonl");
		imported = file;
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new EventGenerator(5).write(3000, out);
		}
		ImportJob job = new ImportJob(events, List.of(file), Optional.empty(), ZoneOffset.UTC);
		job.schedule();
		job.join(WAIT.toMillis(), null);
		IngestReport report = job.report();
		assertEquals(3000, report.stored(), String.valueOf(job.getResult()));
		assertEquals(IStatus.INFO, job.getResult().getSeverity(), job.getResult().getMessage());
		part = UiThread.call(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(EventSearchPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			parts = window.getService(EPartService.class);
			return (EventSearchPart) parts.showPart(EventSearchPart.ID, EPartService.PartState.ACTIVATE).getObject();
		});
	}

	private static void search(String query) {
		UiThread.run(() -> {
			part.bar().setQuery(query);
			part.runSearch();
		});
		awaitSearch(query);
	}

	private static void awaitSearch(String query) {
		UiThread.waitUntil("the search for '" + query + "' is done", WAIT,
				() -> part.result() != null && part.result().request().query().equals(query));
	}

	@Test
	void aSyntaxErrorShowsWhereItIs() {
		UiThread.run(() -> {
			part.bar().setQuery("category:(authentication");
			part.runSearch();
		});
		UiThread.waitUntil("the error shows", WAIT, () -> !part.bar().errorText().isEmpty());
		assertTrue(UiThread.call(() -> part.bar().errorText()).startsWith("Query error at column 25"),
				UiThread.call(() -> part.bar().errorText()));
	}

	@Test
	void pivotsNarrowAndExclude() {
		search("category:authentication");
		long all = UiThread.call(() -> part.result().total());
		UiThread.run(() -> part.pivot("hostname", "web1", false));
		awaitSearch("category:authentication AND hostname:\"web1\"");
		long web1 = UiThread.call(() -> part.result().total());
		UiThread.run(() -> part.pivot("hostname", "web1", true));
		awaitSearch("category:authentication AND hostname:\"web1\" AND NOT hostname:\"web1\"");
		assertEquals(0, UiThread.call(() -> part.result().total()));
		search("category:authentication AND NOT hostname:\"web1\"");
		long others = UiThread.call(() -> part.result().total());
		assertTrue(web1 > 0 && others > 0);
		assertEquals(all, web1 + others);
	}

	@Test
	void sortsByAColumnAndShowsTheSelectedEvent() {
		search("category:weblog");
		var unsorted = UiThread.call(() -> part.table().pages());
		UiThread.run(() -> part.resort("details.status", false));
		UiThread.waitUntil("the table shows the sorted order", WAIT, () -> part.table().pages() != unsorted);
		assertEquals("200", status(0));
		var ascending = UiThread.call(() -> part.table().pages());
		UiThread.run(() -> part.resort("details.status", true));
		UiThread.waitUntil("the table shows the descending order", WAIT, () -> part.table().pages() != ascending);
		assertEquals("500", status(0));
		UiThread.run(() -> part.selectRow(0));
		UiThread.waitUntil("the detail shows the event", WAIT, () -> part.detail().shown() != null);
		assertTrue(UiThread.call(() -> part.detail().jsonText()).contains("\"status\" : 500"));
		assertTrue(List.of(UiThread.call(() -> part.detail().topLevelFields())).containsAll(List.of("utctimestamp",
				"category", "details")));
	}

	private static String status(int row) {
		try {
			return UiThread.call(() -> part.table().pages()).row(row).text("details.status");
		} catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aSavedSearchOpensFromTheSavedSearchesView() throws Exception {
		events.records().save(new SavedSearch("sudo", "category:sudo", null, null, List.of()));
		SavedSearchesPart saved = UiThread.call(
				() -> (SavedSearchesPart) parts.showPart(SavedSearchesPart.ID, EPartService.PartState.VISIBLE).getObject());
		UiThread.run(saved::reload);
		assertTrue(UiThread.call(saved::names).contains("sudo"));
		UiThread.run(() -> {
			saved.select("sudo");
			saved.open();
		});
		awaitSearch("category:sudo");
		assertEquals("category:sudo", UiThread.call(() -> part.bar().query()));
	}

	@Test
	void exportWritesEveryMatch() throws Exception {
		search("category:sudo");
		long matches = UiThread.call(() -> part.result().total());
		Path jsonl = folder.resolve("sudo.jsonl");
		Path csv = folder.resolve("sudo.csv");
		for (Path target : List.of(jsonl, csv)) {
			ExportJob job = new ExportJob(events, UiThread.call(() -> part.result().request()), target,
					java.time.Clock.systemUTC());
			job.schedule();
			job.join(WAIT.toMillis(), null);
			assertEquals(IStatus.INFO, job.getResult().getSeverity(), job.getResult().getMessage());
		}
		assertEquals(matches, Files.readAllLines(jsonl).size());
		List<String> rows = Files.readAllLines(csv);
		assertEquals(matches + 1, rows.size());
		assertTrue(rows.get(0).startsWith("utctimestamp,timestamp,receivedtimestamp,category"), rows.get(0));
		assertTrue(rows.get(0).contains("details.command"), rows.get(0));
	}

	@Test
	void aDashboardTileCountsItsSavedSearch() throws Exception {
		events.records().save(new SavedSearch("failed logins", "category:authentication AND details.success:false",
				null, null, List.of()));
		long expected = events.store().snapshot(io.vigil.events.TimeRange.ALL).count(
				new io.vigil.events.search.EventQueryParser(events.store().snapshot(io.vigil.events.TimeRange.ALL).fields(),
						java.time.Clock.systemUTC()).parse("category:authentication AND details.success:false"));
		DashboardPart dashboard = UiThread.call(
				() -> (DashboardPart) parts.showPart(DashboardPart.ID, EPartService.PartState.ACTIVATE).getObject());
		UiThread.run(() -> {
			dashboard.createDashboard("soc");
			dashboard.add(new Dashboard.Tile("failed logins", Dashboard.Kind.COUNT, null));
			dashboard.add(new Dashboard.Tile("failed logins", Dashboard.Kind.TOP_VALUES, "hostname"));
		});
		UiThread.waitUntil("both tiles show", WAIT, () -> dashboard.tileTitles().size() == 2
				&& !dashboard.tileTexts(0).isEmpty() && !dashboard.tileTexts(1).isEmpty());
		assertEquals(String.format(java.util.Locale.ROOT, "%,d", expected), UiThread.call(() -> dashboard.tileTexts(0)).get(0));
		assertEquals(TileData.TOP, UiThread.call(() -> dashboard.tileTexts(1)).size());
		UiThread.run(() -> parts.showPart(EventSearchPart.ID, EPartService.PartState.ACTIVATE));
	}

	@Test
	void importAddedItsEventsAndRecordedTheRun() throws Exception {
		search("vigil.origin.name:\"" + imported.toString() + "\"");
		assertEquals(3000, UiThread.call(() -> part.result().total()));
		assertEquals("workbench", events.records().imports(1).get(0).origin());
	}

	@Test
	void twoSelectedRowsAreTheWindowsSelectionForOtherCapabilities() {
		search("category:authentication");
		UiThread.waitUntil("the first rows are read", WAIT,
				() -> part.table().pages().loaded(0) != null && part.table().pages().loaded(1) != null);
		List<String> ids = UiThread.call(() -> {
			parts.showPart(EventSearchPart.ID, EPartService.PartState.ACTIVATE);
			part.selectRow(0);
			part.table().addToSelection(1);
			return List.of(part.table().pages().loaded(0).id(), part.table().pages().loaded(1).id());
		});

		List<String> selected = UiThread.call(() -> {
			Object selection = PlatformUI.getWorkbench().getWorkbenchWindows()[0].getService(ESelectionService.class)
					.getSelection();
			List<String> found = new ArrayList<>();
			if (selection instanceof IStructuredSelection structured) {
				for (Object element : structured.toList()) {
					found.add(element instanceof StoredEvent event ? event.id() : String.valueOf(element));
				}
			}
			return found;
		});
		assertEquals(ids, selected);
	}
}

package io.vigil.events.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vigil.events.EventWorkspace;
import io.vigil.events.bench.EventGenerator;
import io.vigil.events.ingest.IngestReport;
import io.vigil.events.ingest.Ingester;
import io.vigil.tests.support.Conditions;
import io.vigil.tests.support.Screenshots;
import io.vigil.tests.support.UiThread;

/** The Event Search part in the real workbench, over events ingested into the test workspace. */
class EventSearchPartTest {

	private static final Duration WAIT = Duration.ofSeconds(60);
	private static final int EVENTS = 20_000;

	private static EventWorkspace events;
	private static EventSearchPart part;

	@BeforeAll
	static void ingestAndOpen() throws Exception {
		IWorkbench workbench = PlatformUI.getWorkbench();
		events = Conditions.waitFor("the events service is up", WAIT, () -> workbench.getService(EventWorkspace.class));
		Path file = Files.createTempFile("vigil-ui-test", ".jsonl");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new EventGenerator(11).write(EVENTS, out);
		}
		IngestReport report = events.ingester(Ingester.Settings.defaults()).ingest(List.of(Ingester.Source.of(file)),
				new NullProgressMonitor());
		assertEquals(EVENTS, report.stored());
		events.store().refresh();
		Files.delete(file);
		part = UiThread.call(() -> {
			IWorkbenchWindow window = workbench.getWorkbenchWindows()[0];
			try {
				workbench.showPerspective(EventSearchPerspective.ID, window);
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
			EPartService parts = window.getService(EPartService.class);
			MPart found = parts.showPart(EventSearchPart.ID, EPartService.PartState.ACTIVATE);
			return (EventSearchPart) found.getObject();
		});
		assertNotNull(part);
	}

	private static void search(String query) {
		UiThread.run(() -> {
			part.bar().setQuery(query);
			part.runSearch();
		});
		UiThread.waitUntil("the search for '" + query + "' is done", WAIT, () -> part.result() != null
				&& part.result().request().query().equals(query) && !part.status().startsWith(Messages.Search_running));
	}

	@Test
	void showsCountHistogramFacetsAndPaintedRows() throws Exception {
		search("category:authentication");

		long expected = UiThread.call(() -> part.result().total());
		assertTrue(expected > EVENTS / 3, "authentication events: " + expected);
		assertTrue(UiThread.call(part::status).startsWith(String.format(java.util.Locale.ROOT, "%,d events", expected)));
		assertEquals(expected, UiThread.call(() -> part.histogram().histogram().total()));
		List<String> hosts = UiThread.call(() -> part.facets().shownValues("hostname"));
		assertEquals(10, hosts.size(), hosts.toString());
		UiThread.waitUntil("the first row is read", WAIT, () -> !part.table().text(0, 1).equals("…"));
		assertEquals("authentication", UiThread.call(() -> part.table().text(0, 2)));
		UiThread.waitUntil("the table draws its rows", WAIT,
				() -> Screenshots.distinctColors(Screenshots.of(part.table().control()), 20) >= 20);
		UiThread.run(() -> Screenshots.save(part.table().control().getDisplay(),
				Path.of("target", "event-search.png")));
	}
}

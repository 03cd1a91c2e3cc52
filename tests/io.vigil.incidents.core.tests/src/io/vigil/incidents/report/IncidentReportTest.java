package io.vigil.incidents.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.incidents.EvidenceDraft;
import io.vigil.incidents.Incident;
import io.vigil.incidents.IncidentFields;
import io.vigil.incidents.IncidentPromotion;
import io.vigil.incidents.IncidentsFixture;
import io.vigil.incidents.KeyDates;
import io.vigil.incidents.ObservableKind;
import io.vigil.incidents.Tlp;
import io.vigil.incidents.timeline.EntryKind;
import io.vigil.incidents.timeline.LaneKey;
import io.vigil.incidents.timeline.Timeline;
import io.vigil.incidents.timeline.TimelineEntry;
import io.vigil.report.ReportFormat;

class IncidentReportTest {

	private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

	@TempDir
	Path folder;
	private IncidentsFixture fixture;
	private Incident incident;

	@BeforeEach
	void makeAnIncident() throws Exception {
		fixture = new IncidentsFixture(folder);
		fixture.ingest(List.of(IncidentsFixture.login(T0, "web1", "root", "203.0.113.9", false),
				IncidentsFixture.login(T0.plusSeconds(60), "web1", "root", "203.0.113.9", false),
				IncidentsFixture.login(T0.plusSeconds(120), "web1", "admin", "203.0.113.9", true),
				IncidentsFixture.login(T0.plusSeconds(600), "db1", "admin", "203.0.113.9", true)));
		String id = fixture.store().create(IncidentFields.titled("SSH brute force on web1")
				.withSummary("Failed logins from 203.0.113.9, then a login as admin on web1 and db1.")
				.withTlp(Tlp.AMBER)
				.withDates(new KeyDates(T0.plusSeconds(900), T0.plusSeconds(1200), T0.plusSeconds(1800),
						T0.plusSeconds(3600), null, null))
				.withAnalysis("A password list against sshd.", "Blocked 203.0.113.9 at the edge.",
						"Turn off password logins on bastions."), "alice").id();
		new IncidentPromotion(fixture.store(), fixture.events(), fixture.rules().alerts()).promoteEvents(id, "hostname:web1 OR hostname:db1");
		fixture.store().addObservable(id, ObservableKind.IP, "203.0.113.9", "the attacker");
		fixture.store().addTechnique(id, "T1110.001");
		fixture.store().addTechnique(id, "T1078");
		fixture.store().addNote(id, "alice", "Called the web team.");
		fixture.store().addEvidence(id, "auth.log excerpt\n".getBytes(StandardCharsets.UTF_8),
				new EvidenceDraft("auth.log", "text/plain", "sshd log lines", "web1:/var/log/auth.log", "alice"));
		incident = fixture.store().require(id);
	}

	@AfterEach
	void close() throws Exception {
		fixture.close();
	}

	@Test
	void thePdfReportHasEverySectionTheTimelineChartAndTheEvidenceHash() throws Exception {
		Path out = folder.resolve("report.pdf");
		new IncidentReport(incident, Timeline.of(incident), T0.plus(Duration.ofDays(1))).write(ReportFormat.PDF, out);

		try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
			String text = new PDFTextStripper().getText(pdf);
			for (String expected : List.of("SSH brute force on web1", incident.id(), "TLP:AMBER", "Key dates",
					"Time to contain", "45 min", "Timeline", "Observables", "203.0.113.9", "T1110.001", "T1078",
					"Evidence", incident.evidence().get(0).sha256(), "Chain of custody", "Lessons learned",
					"Turn off password logins on bastions.", "Called the web team.")) {
				assertTrue(text.contains(expected), "the report shows " + expected + ":\n" + text);
			}
			BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 60);
			assertTrue(page.getWidth() > 300, "the first page renders");
			assertTrue(pdf.getPage(0).getResources().getXObjectNames().iterator().hasNext()
					|| pdf.getNumberOfPages() > 1 && pdf.getPage(1).getResources().getXObjectNames().iterator().hasNext(),
					"the timeline chart is drawn near the top");
		}
	}

	@Test
	void markdownAndHtmlSayTheSame() throws Exception {
		IncidentReport report = new IncidentReport(incident, Timeline.of(incident), T0);
		report.write(ReportFormat.MARKDOWN, folder.resolve("report.md"));
		report.write(ReportFormat.HTML, folder.resolve("report.html"));

		String markdown = Files.readString(folder.resolve("report.md"));
		String html = Files.readString(folder.resolve("report.html"));
		String hash = incident.evidence().get(0).sha256();
		assertTrue(markdown.contains(hash) && html.contains(hash));
		assertTrue(markdown.contains("![") && Files.size(folder.resolve("report-timeline.png")) > 1000);
		assertTrue(html.contains("data:image/png;base64,"));
		assertTrue(markdown.contains("https://attack.mitre.org/techniques/T1110/001/"), markdown);
		assertEquals(incident.items().size(), Timeline.of(incident).entries().stream()
				.filter(entry -> entry.kind() == EntryKind.EVENT).count());
	}

	@Test
	void theNavigatorLayerListsTheTechniquesAndOpensTheParentOfASubTechnique() {
		ObjectNode layer = NavigatorLayer.of(incident, new ObjectMapper());

		assertEquals("4.5", layer.path("versions").path("layer").asText());
		assertEquals("enterprise-attack", layer.path("domain").asText());
		List<String> ids = new ArrayList<>();
		layer.path("techniques").forEach(technique -> ids.add(technique.path("techniqueID").asText()));
		assertEquals(List.of("T1110.001", "T1078", "T1110"), ids);
		assertTrue(layer.path("techniques").get(2).path("showSubtechniques").asBoolean());
		assertFalse(layer.path("techniques").get(1).path("showSubtechniques").asBoolean());
	}

	@Test
	void theChartDrawsEachEntryInItsLaneAtItsTime() {
		List<TimelineEntry> entries = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			String host = i % 2 == 0 ? "a-host" : "b-host";
			entries.add(new TimelineEntry("event:" + i, EntryKind.EVENT, T0.plusSeconds(i), T0.plusSeconds(i + 30),
					"event " + i, host, "", "", "event", Integer.toString(i), false, List.of(), ""));
		}
		entries.add(new TimelineEntry("alert:1", EntryKind.ALERT, T0.plusSeconds(5000), T0.plusSeconds(5000), "alert",
				"b-host", "", "", "alert", "1", false, List.of(), ""));
		BufferedImage image = new TimelineChart(Timeline.of(entries), LaneKey.HOST, "ten thousand").draw(1600);

		assertEquals(1600, image.getWidth());
		int lanesDrawn = 0;
		for (int lane = 0; lane < 2; lane++) {
			int y = 62 + lane * 34 + 34 / 4 + 2;
			int coloured = 0;
			for (int x = 170; x < 1580; x++) {
				int rgb = image.getRGB(x, y) & 0xffffff;
				if (rgb == TimelineChart.rgb(EntryKind.EVENT) || rgb == TimelineChart.rgb(EntryKind.ALERT)) {
					coloured++;
				}
			}
			assertTrue(coloured > 1000, "lane " + lane + " is covered with its entries' dots: " + coloured);
			lanesDrawn++;
		}
		assertEquals(2, lanesDrawn);
		assertEquals(Duration.ofMinutes(15), TimelineChart.step(Duration.ofHours(3), 14));
	}
}

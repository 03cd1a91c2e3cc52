package io.vigil.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

	@TempDir
	Path folder;

	private static byte[] picture() throws IOException {
		BufferedImage image = new BufferedImage(800, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 800, 200);
		g.setColor(Color.RED);
		g.fillRect(100, 50, 300, 100);
		g.dispose();
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		return png.toByteArray();
	}

	private static ReportDocument report(int rows) throws IOException {
		List<List<String>> table = new ArrayList<>();
		for (int i = 0; i < rows; i++) {
			table.add(List.of("2026-12-0" + (1 + i % 9) + "T10:00:00Z", "event " + i, "10.0.0." + i));
		}
		return ReportDocument.builder("Incident <inc-abc> | Zoë's *case*")
				.fact("TLP", "AMBER").fact("Owner", "jdoe").fact("Empty", "")
				.section("Summary").paragraph("Brute force from 203.0.113.9\nthen a login as root.")
				.section("Timeline").image(picture(), "timeline", "Timeline of the incident")
				.table(List.of("Time", "What", "Address"), table, List.of(2, 3, 2))
				.section("ATT&CK").bullets(List.of("T1110 Brute Force", "T1078 Valid Accounts"))
				.build();
	}

	@Test
	void markdownEscapesMarkupAndKeepsThePictureBesideTheFile() throws IOException {
		Path out = folder.resolve("report.md");
		ReportWriter.write(report(3), ReportFormat.MARKDOWN, out);
		String text = Files.readString(out);
		assertTrue(text.startsWith("# Incident \\<inc-abc\\> | Zoë's \\*case\\*\n"), text);
		assertTrue(text.contains("**TLP:** AMBER"), text);
		assertFalse(text.contains("Empty"), text);
		assertTrue(text.contains("| Time | What | Address |\n| --- | --- | --- |\n"), text);
		assertTrue(text.contains("| 2026-12-03T10:00:00Z | event 2 | 10.0.0.2 |"), text);
		assertTrue(text.contains("![Timeline of the incident](report-timeline.png)"), text);
		assertTrue(Files.size(folder.resolve("report-timeline.png")) > 0);
		assertTrue(text.contains("- T1110 Brute Force\n"), text);
	}

	@Test
	void htmlIsOneEscapedFileWithThePictureInside() throws IOException {
		Path out = folder.resolve("report.html");
		ReportWriter.write(report(3), ReportFormat.HTML, out);
		String text = Files.readString(out);
		assertTrue(text.contains("<h1>Incident &lt;inc-abc&gt; | Zoë&#39;s *case*</h1>"), text);
		assertTrue(text.contains("<td>10.0.0.2</td>"), text);
		assertTrue(text.contains("src=\"data:image/png;base64,iVBOR"), text);
		assertFalse(text.contains("<inc-abc>"), text);
		try (var files = Files.list(folder)) {
			assertEquals(List.of(out), files.toList(), "nothing but the report, no partial file left");
		}
	}

	@Test
	void pdfHasTheTextThePictureAndRepeatsTheTableHeaderOnEachPage() throws IOException {
		Path out = folder.resolve("report.pdf");
		ReportWriter.write(report(150), ReportFormat.PDF, out);
		try (PDDocument pdf = Loader.loadPDF(out.toFile())) {
			assertTrue(pdf.getNumberOfPages() >= 3, "150 rows run onto several pages: " + pdf.getNumberOfPages());
			PDFTextStripper stripper = new PDFTextStripper();
			String all = stripper.getText(pdf);
			assertTrue(all.contains("Brute force from 203.0.113.9"), all);
			assertTrue(all.contains("event 149"), all);
			assertTrue(all.contains("T1078 Valid Accounts"), all);
			assertTrue(all.contains("page 1 of " + pdf.getNumberOfPages()), all);
			assertEquals("Incident <inc-abc> | Zoë's *case*", pdf.getDocumentInformation().getTitle());
			stripper.setStartPage(pdf.getNumberOfPages() - 1);
			stripper.setEndPage(pdf.getNumberOfPages() - 1);
			assertTrue(stripper.getText(pdf).contains("Address"), "the header repeats on a later page");
			assertEquals(1, images(pdf.getPage(0)), "the timeline picture is on the first page");
		}
	}

	private static int images(PDPage page) throws IOException {
		int count = 0;
		for (COSName name : page.getResources().getXObjectNames()) {
			if (page.getResources().getXObject(name) instanceof PDImageXObject) {
				count++;
			}
		}
		return count;
	}

	@Test
	void aBrokenPictureIsRefusedAndNoFileIsLeft() {
		ReportDocument broken = ReportDocument.builder("x").image(new byte[] { 1, 2, 3 }, "bad", "broken").build();
		Path out = folder.resolve("broken.pdf");
		IOException error = assertThrows(IOException.class, () -> ReportWriter.write(broken, ReportFormat.PDF, out));
		assertTrue(error.getMessage().contains("'bad' is not a PNG image"), error.getMessage());
		assertFalse(Files.exists(out));
	}

	@Test
	void formatsAreFoundByNameOrExtension() {
		assertEquals(ReportFormat.MARKDOWN, ReportFormat.of("md"));
		assertEquals(ReportFormat.MARKDOWN, ReportFormat.of("Markdown"));
		assertEquals(ReportFormat.PDF, ReportFormat.of("PDF"));
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ReportFormat.of("docx"));
		assertEquals("unknown report format 'docx': use md, html or pdf", error.getMessage());
	}

	@Test
	void aRowWithTooFewCellsIsRefused() {
		IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
				() -> ReportDocument.builder("x").table(List.of("a", "b"), List.of(List.of("1"))));
		assertEquals("row 1 has 1 cells for 2 columns", error.getMessage());
	}
}

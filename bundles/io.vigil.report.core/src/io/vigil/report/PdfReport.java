package io.vigil.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import io.vigil.report.ReportDocument.Block;
import io.vigil.report.ReportDocument.Bullets;
import io.vigil.report.ReportDocument.Heading;
import io.vigil.report.ReportDocument.Image;
import io.vigil.report.ReportDocument.Paragraph;
import io.vigil.report.ReportDocument.Table;

/**
 * Lays a report out on A4 pages with Apache PDFBox: wrapped text, tables whose header repeats
 * on each page they run onto, pictures scaled to the text width, and page numbers. The DejaVu
 * fonts are embedded when the system has them (Debian: fonts-dejavu-core), so that any name or
 * address prints as written; otherwise the standard Helvetica is used and characters it lacks
 * print as {@code ?}.
 */
final class PdfReport {

	private static final Path FONTS = Path.of("/usr/share/fonts/truetype/dejavu");
	private static final float MARGIN = 50;
	private static final float BODY_SIZE = 10;
	private static final float TABLE_SIZE = 8;
	private static final float CELL_PAD = 3;

	private final ReportDocument document;
	private PDDocument pdf;
	private PDFont regular;
	private PDFont bold;
	private final Map<PDFont, Map<Character, Boolean>> printable = new HashMap<>();
	private PDPageContentStream page;
	private float y;

	PdfReport(ReportDocument document) {
		this.document = document;
	}

	void write(OutputStream out) throws IOException {
		try (PDDocument created = new PDDocument()) {
			pdf = created;
			loadFonts();
			pdf.getDocumentInformation().setTitle(document.title());
			pdf.getDocumentInformation().setCreator("Vigil");
			newPage();
			text(document.title(), bold, 18, 0);
			y -= 6;
			for (Map.Entry<String, String> fact : document.facts().entrySet()) {
				fact(fact.getKey(), fact.getValue());
			}
			y -= 8;
			for (Block block : document.blocks()) {
				switch (block) {
					case Heading heading -> heading(heading);
					case Paragraph paragraph -> paragraph(paragraph.text(), 0);
					case Bullets bullets -> bullets(bullets.items());
					case Table table -> table(table);
					case Image image -> image(image);
				}
			}
			page.close();
			numberPages();
			pdf.save(out);
		} finally {
			page = null;
			pdf = null;
		}
	}

	private void loadFonts() throws IOException {
		Path sans = FONTS.resolve("DejaVuSans.ttf");
		Path sansBold = FONTS.resolve("DejaVuSans-Bold.ttf");
		if (Files.isReadable(sans) && Files.isReadable(sansBold)) {
			regular = PDType0Font.load(pdf, sans.toFile());
			bold = PDType0Font.load(pdf, sansBold.toFile());
		} else {
			regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
		}
	}

	private float width() {
		return PDRectangle.A4.getWidth() - 2 * MARGIN;
	}

	private void newPage() throws IOException {
		if (page != null) {
			page.close();
		}
		PDPage next = new PDPage(PDRectangle.A4);
		pdf.addPage(next);
		page = new PDPageContentStream(pdf, next);
		y = PDRectangle.A4.getHeight() - MARGIN;
	}

	/** Starts a new page unless this much height is left above the bottom margin. */
	private void room(float height) throws IOException {
		if (y - height < MARGIN + 14) {
			newPage();
		}
	}

	private void heading(Heading heading) throws IOException {
		float size = heading.level() == 1 ? 14 : 12;
		room(size * 3);
		y -= heading.level() == 1 ? 10 : 6;
		text(heading.text(), bold, size, 0);
		y -= 3;
	}

	private void fact(String name, String value) throws IOException {
		float labelWidth = 110;
		List<String> lines = wrap(value, regular, BODY_SIZE, width() - labelWidth);
		room(lines.size() * leading(BODY_SIZE));
		float top = y;
		show(name, bold, BODY_SIZE, MARGIN, y - BODY_SIZE);
		for (String line : lines) {
			show(line, regular, BODY_SIZE, MARGIN + labelWidth, y - BODY_SIZE);
			y -= leading(BODY_SIZE);
		}
		y = Math.min(y, top - leading(BODY_SIZE));
	}

	private void paragraph(String text, float indent) throws IOException {
		for (String line : text.split("\n", -1)) {
			text(line, regular, BODY_SIZE, indent);
		}
		y -= 4;
	}

	private void bullets(List<String> items) throws IOException {
		for (String item : items) {
			room(leading(BODY_SIZE));
			show("•", regular, BODY_SIZE, MARGIN + 4, y - BODY_SIZE);
			for (String line : item.split("\n", -1)) {
				text(line, regular, BODY_SIZE, 16);
			}
		}
		y -= 4;
	}

	/** Writes text wrapped to the width, moving down a line per line. */
	private void text(String text, PDFont font, float size, float indent) throws IOException {
		for (String line : wrap(text, font, size, width() - indent)) {
			room(leading(size));
			show(line, font, size, MARGIN + indent, y - size);
			y -= leading(size);
		}
	}

	private void table(Table table) throws IOException {
		float[] columns = columnWidths(table);
		float headerHeight = rowHeight(table.headers(), columns, bold);
		room(headerHeight + leading(TABLE_SIZE) * 2 + 2 * CELL_PAD);
		row(table.headers(), columns, bold, true);
		for (List<String> cells : table.rows()) {
			float height = rowHeight(cells, columns, regular);
			if (y - height < MARGIN + 14) {
				newPage();
				row(table.headers(), columns, bold, true);
			}
			row(cells, columns, regular, false);
		}
		y -= 8;
	}

	private float[] columnWidths(Table table) {
		int total = table.widths().stream().mapToInt(Integer::intValue).sum();
		float[] columns = new float[table.widths().size()];
		for (int i = 0; i < columns.length; i++) {
			columns[i] = width() * table.widths().get(i) / total;
		}
		return columns;
	}

	private float rowHeight(List<String> cells, float[] columns, PDFont font) throws IOException {
		int lines = 1;
		for (int i = 0; i < cells.size(); i++) {
			lines = Math.max(lines, cellLines(cells.get(i), font, columns[i]).size());
		}
		return lines * leading(TABLE_SIZE) + 2 * CELL_PAD;
	}

	/** A cell's lines, cut to what one page holds so that no row is taller than a page. */
	private List<String> cellLines(String cell, PDFont font, float column) throws IOException {
		List<String> lines = new ArrayList<>();
		for (String part : cell.split("\n", -1)) {
			lines.addAll(wrap(part, font, TABLE_SIZE, column - 2 * CELL_PAD));
		}
		int most = (int) ((PDRectangle.A4.getHeight() - 2 * MARGIN - 60) / leading(TABLE_SIZE));
		if (lines.size() > most) {
			lines = new ArrayList<>(lines.subList(0, most));
			lines.set(most - 1, lines.get(most - 1) + " …");
		}
		return lines;
	}

	private void row(List<String> cells, float[] columns, PDFont font, boolean header) throws IOException {
		float height = rowHeight(cells, columns, font);
		float x = MARGIN;
		if (header) {
			page.setNonStrokingColor(0.92f, 0.92f, 0.92f);
			page.addRect(MARGIN, y - height, width(), height);
			page.fill();
			page.setNonStrokingColor(0f, 0f, 0f);
		}
		page.setStrokingColor(0.6f, 0.6f, 0.6f);
		page.setLineWidth(0.5f);
		for (int i = 0; i < cells.size(); i++) {
			page.addRect(x, y - height, columns[i], height);
			page.stroke();
			float lineY = y - CELL_PAD - TABLE_SIZE;
			for (String line : cellLines(cells.get(i), font, columns[i])) {
				show(line, font, TABLE_SIZE, x + CELL_PAD, lineY);
				lineY -= leading(TABLE_SIZE);
			}
			x += columns[i];
		}
		y -= height;
	}

	private void image(Image image) throws IOException {
		BufferedImage picture = ImageIO.read(new ByteArrayInputStream(image.png()));
		if (picture == null) {
			throw new IOException("the picture '" + image.name() + "' is not a PNG image");
		}
		PDImageXObject object = LosslessFactory.createFromImage(pdf, picture);
		float scale = Math.min(1f, width() / picture.getWidth());
		float most = PDRectangle.A4.getHeight() - 2 * MARGIN - 40;
		if (picture.getHeight() * scale > most) {
			scale = most / picture.getHeight();
		}
		float w = picture.getWidth() * scale;
		float h = picture.getHeight() * scale;
		room(h + leading(TABLE_SIZE) + 6);
		page.drawImage(object, MARGIN, y - h, w, h);
		y -= h + 3;
		for (String line : wrap(image.caption(), regular, TABLE_SIZE, width())) {
			show(line, regular, TABLE_SIZE, MARGIN, y - TABLE_SIZE);
			y -= leading(TABLE_SIZE);
		}
		y -= 6;
	}

	private void numberPages() throws IOException {
		int count = pdf.getNumberOfPages();
		for (int i = 0; i < count; i++) {
			try (PDPageContentStream footer = new PDPageContentStream(pdf, pdf.getPage(i),
					PDPageContentStream.AppendMode.APPEND, true, true)) {
				String text = printable(document.title(), regular) + " — page " + (i + 1) + " of " + count;
				footer.beginText();
				footer.setFont(regular, 8);
				footer.newLineAtOffset(MARGIN, MARGIN / 2);
				footer.showText(printable(text, regular));
				footer.endText();
			}
		}
	}

	private void show(String text, PDFont font, float size, float x, float baseline) throws IOException {
		if (text.isEmpty()) {
			return;
		}
		page.beginText();
		page.setFont(font, size);
		page.newLineAtOffset(x, baseline);
		page.showText(printable(text, font));
		page.endText();
	}

	private static float leading(float size) {
		return size * 1.3f;
	}

	/** Breaks text into lines no wider than a width, at spaces where it can, else inside words. */
	private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.replace('\t', ' ').split(" ", -1)) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate, font, size) <= width) {
				line.setLength(0);
				line.append(candidate);
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line.toString());
				line.setLength(0);
			}
			String rest = word;
			while (width(rest, font, size) > width && rest.length() > 1) {
				int fits = 1;
				while (fits < rest.length() && width(rest.substring(0, fits + 1), font, size) <= width) {
					fits++;
				}
				lines.add(rest.substring(0, fits));
				rest = rest.substring(fits);
			}
			line.append(rest);
		}
		lines.add(line.toString());
		return lines;
	}

	private float width(String text, PDFont font, float size) throws IOException {
		return font.getStringWidth(printable(text, font)) / 1000 * size;
	}

	/** Replaces the characters a font cannot show by {@code ?}, and control characters by spaces. */
	private String printable(String text, PDFont font) {
		Map<Character, Boolean> known = printable.computeIfAbsent(font, key -> new HashMap<>());
		StringBuilder shown = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c)) {
				shown.append(' ');
				continue;
			}
			boolean ok = known.computeIfAbsent(c, key -> {
				try {
					font.encode(String.valueOf(key));
					return true;
				} catch (IOException | IllegalArgumentException e) {
					return false;
				}
			});
			shown.append(ok ? c : '?');
		}
		return shown.toString();
	}
}

package io.vigil.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import io.vigil.report.ReportDocument.Block;
import io.vigil.report.ReportDocument.Bullets;
import io.vigil.report.ReportDocument.Heading;
import io.vigil.report.ReportDocument.Image;
import io.vigil.report.ReportDocument.Paragraph;
import io.vigil.report.ReportDocument.Table;

/** Writes a report as CommonMark with GitHub's tables; text is escaped so it reads as written. */
final class MarkdownReport {

	/** Receives each picture's file name and bytes. */
	interface Pictures {
		void save(String fileName, byte[] png) throws IOException;
	}

	private final ReportDocument document;
	private final String stem;

	MarkdownReport(ReportDocument document, String stem) {
		this.document = document;
		this.stem = stem;
	}

	void write(Writer out, Pictures pictures) throws IOException {
		out.write("# " + inline(document.title()) + "\n\n");
		for (Map.Entry<String, String> fact : document.facts().entrySet()) {
			out.write("**" + inline(fact.getKey()) + ":** " + inline(fact.getValue()) + "  \n");
		}
		if (!document.facts().isEmpty()) {
			out.write("\n");
		}
		for (Block block : document.blocks()) {
			switch (block) {
				case Heading heading -> out.write("#".repeat(heading.level() + 1) + " " + inline(heading.text()) + "\n\n");
				case Paragraph paragraph -> out.write(inline(paragraph.text()).replace("\n", "  \n") + "\n\n");
				case Bullets bullets -> writeBullets(out, bullets.items());
				case Table table -> writeTable(out, table);
				case Image image -> {
					String file = stem + "-" + image.name() + ".png";
					pictures.save(file, image.png());
					out.write("![" + inline(image.caption()) + "](" + file.replace(" ", "%20") + ")\n\n");
				}
			}
		}
	}

	private static void writeBullets(Writer out, List<String> items) throws IOException {
		for (String item : items) {
			out.write("- " + inline(item).replace("\n", "  \n  ") + "\n");
		}
		out.write("\n");
	}

	private static void writeTable(Writer out, Table table) throws IOException {
		out.write(row(table.headers()));
		out.write("|" + " --- |".repeat(table.headers().size()) + "\n");
		for (List<String> cells : table.rows()) {
			out.write(row(cells));
		}
		out.write("\n");
	}

	private static String row(List<String> cells) {
		StringBuilder row = new StringBuilder("|");
		for (String cell : cells) {
			row.append(' ').append(inline(cell).replace("|", "\\|").replace("\n", "<br>")).append(" |");
		}
		return row.append('\n').toString();
	}

	/** Escapes what Markdown would otherwise read as markup. */
	static String inline(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ("\\`*_[]<>#!~".indexOf(c) >= 0) {
				escaped.append('\\');
			}
			escaped.append(c);
		}
		return escaped.toString();
	}
}

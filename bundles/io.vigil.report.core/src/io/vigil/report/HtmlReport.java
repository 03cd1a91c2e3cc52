package io.vigil.report;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.vigil.report.ReportDocument.Block;
import io.vigil.report.ReportDocument.Bullets;
import io.vigil.report.ReportDocument.Heading;
import io.vigil.report.ReportDocument.Image;
import io.vigil.report.ReportDocument.Paragraph;
import io.vigil.report.ReportDocument.Table;

/** Writes a report as one HTML file with its style and pictures inside, for mail or an archive. */
final class HtmlReport {

	private static final String STYLE = """
			body { font-family: 'DejaVu Sans', Helvetica, Arial, sans-serif; font-size: 11pt; color: #1c1c1c;
			       max-width: 60em; margin: 2em auto; padding: 0 1em; }
			h1 { font-size: 18pt; border-bottom: 2px solid #444; padding-bottom: .2em; }
			h2 { font-size: 14pt; margin-top: 1.6em; }
			h3 { font-size: 12pt; }
			dl.facts { display: grid; grid-template-columns: max-content auto; gap: .1em 1em; }
			dl.facts dt { font-weight: bold; }
			dl.facts dd { margin: 0; }
			table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
			th, td { border: 1px solid #bbb; padding: .25em .45em; text-align: left; vertical-align: top; }
			th { background: #eee; }
			td { overflow-wrap: anywhere; }
			p { white-space: pre-wrap; }
			figure { margin: 1em 0; }
			figure img { max-width: 100%; border: 1px solid #ccc; }
			figcaption { font-size: 9pt; color: #555; }
			""";

	private final ReportDocument document;

	HtmlReport(ReportDocument document) {
		this.document = document;
	}

	void write(Writer out) throws IOException {
		out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(document.title())
				+ "</title>\n<style>\n" + STYLE + "</style>\n</head>\n<body>\n");
		out.write("<h1>" + escape(document.title()) + "</h1>\n");
		if (!document.facts().isEmpty()) {
			out.write("<dl class=\"facts\">\n");
			for (Map.Entry<String, String> fact : document.facts().entrySet()) {
				out.write("<dt>" + escape(fact.getKey()) + "</dt><dd>" + escape(fact.getValue()) + "</dd>\n");
			}
			out.write("</dl>\n");
		}
		for (Block block : document.blocks()) {
			switch (block) {
				case Heading heading -> {
					int level = heading.level() + 1;
					out.write("<h" + level + ">" + escape(heading.text()) + "</h" + level + ">\n");
				}
				case Paragraph paragraph -> out.write("<p>" + escape(paragraph.text()) + "</p>\n");
				case Bullets bullets -> writeBullets(out, bullets.items());
				case Table table -> writeTable(out, table);
				case Image image -> out.write("<figure><img alt=\"" + escape(image.caption()) + "\" src=\"data:image/png;base64,"
						+ Base64.getEncoder().encodeToString(image.png()) + "\"><figcaption>" + escape(image.caption())
						+ "</figcaption></figure>\n");
			}
		}
		out.write("</body>\n</html>\n");
	}

	private static void writeBullets(Writer out, List<String> items) throws IOException {
		out.write("<ul>\n");
		for (String item : items) {
			out.write("<li>" + escape(item) + "</li>\n");
		}
		out.write("</ul>\n");
	}

	private static void writeTable(Writer out, Table table) throws IOException {
		out.write("<table>\n<thead><tr>");
		for (String header : table.headers()) {
			out.write("<th>" + escape(header) + "</th>");
		}
		out.write("</tr></thead>\n<tbody>\n");
		for (List<String> row : table.rows()) {
			out.write("<tr>");
			for (String cell : row) {
				out.write("<td>" + escape(cell) + "</td>");
			}
			out.write("</tr>\n");
		}
		out.write("</tbody>\n</table>\n");
	}

	/** Escapes text for HTML content and attribute values. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}
}

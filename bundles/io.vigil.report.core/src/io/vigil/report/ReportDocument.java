package io.vigil.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A report as a sequence of blocks (headings, paragraphs, lists, tables, images), independent of
 * the format it is written in. Capabilities build one from their model; {@link ReportWriter}
 * writes it as Markdown, HTML or PDF, so that every format says the same.
 *
 * @param title the report's title
 * @param facts short facts shown under the title (for example the incident id and TLP), in order
 * @param blocks the body
 */
public record ReportDocument(String title, Map<String, String> facts, List<Block> blocks) {

	/** Makes a document, copying what it is given. */
	public ReportDocument {
		Objects.requireNonNull(title, "title");
		facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
		blocks = List.copyOf(blocks);
	}

	/** One part of the body. */
	public sealed interface Block permits Heading, Paragraph, Bullets, Table, Image {
	}

	/**
	 * A section heading.
	 *
	 * @param level 1 for a section, 2 for a subsection
	 */
	public record Heading(int level, String text) implements Block {
		/** Checks the level. */
		public Heading {
			if (level < 1 || level > 3) {
				throw new IllegalArgumentException("heading level " + level + " is not between 1 and 3");
			}
		}
	}

	/** Plain text; line breaks in it are kept. */
	public record Paragraph(String text) implements Block {
	}

	/** A list of items. */
	public record Bullets(List<String> items) implements Block {
		/** Copies the items. */
		public Bullets {
			items = List.copyOf(items);
		}
	}

	/**
	 * A table; every row has as many cells as there are headers.
	 *
	 * @param widths relative column widths for formats that lay the table out (PDF), one per header
	 */
	public record Table(List<String> headers, List<List<String>> rows, List<Integer> widths) implements Block {
		/** Checks the shape and copies the cells. */
		public Table {
			headers = List.copyOf(headers);
			rows = rows.stream().map(List::copyOf).toList();
			widths = List.copyOf(widths);
			if (widths.size() != headers.size()) {
				throw new IllegalArgumentException(widths.size() + " widths for " + headers.size() + " columns");
			}
			for (int i = 0; i < rows.size(); i++) {
				if (rows.get(i).size() != headers.size()) {
					throw new IllegalArgumentException("row " + (i + 1) + " has " + rows.get(i).size() + " cells for "
							+ headers.size() + " columns");
				}
			}
		}
	}

	/**
	 * A picture, such as a timeline chart.
	 *
	 * @param png the picture as PNG bytes
	 * @param name a file name stem for formats that keep pictures beside the report (Markdown)
	 * @param caption what it shows
	 */
	public record Image(byte[] png, String name, String caption) implements Block {
		/** Checks that there is a picture. */
		public Image {
			if (png == null || png.length == 0) {
				throw new IllegalArgumentException("an image needs PNG bytes");
			}
		}
	}

	/** Returns a builder for a document with a title. */
	public static Builder builder(String title) {
		return new Builder(title);
	}

	/** Builds a document block by block. */
	public static final class Builder {

		private final String title;
		private final Map<String, String> facts = new LinkedHashMap<>();
		private final List<Block> blocks = new ArrayList<>();

		private Builder(String title) {
			this.title = title;
		}

		/** Adds a fact under the title; empty values are left out. */
		public Builder fact(String name, String value) {
			if (value != null && !value.isBlank()) {
				facts.put(name, value);
			}
			return this;
		}

		/** Adds a section heading. */
		public Builder section(String text) {
			blocks.add(new Heading(1, text));
			return this;
		}

		/** Adds a subsection heading. */
		public Builder subsection(String text) {
			blocks.add(new Heading(2, text));
			return this;
		}

		/** Adds a paragraph; blank text adds nothing. */
		public Builder paragraph(String text) {
			if (text != null && !text.isBlank()) {
				blocks.add(new Paragraph(text.strip()));
			}
			return this;
		}

		/** Adds a list; an empty one adds nothing. */
		public Builder bullets(List<String> items) {
			if (!items.isEmpty()) {
				blocks.add(new Bullets(items));
			}
			return this;
		}

		/** Adds a table with equal column widths. */
		public Builder table(List<String> headers, List<List<String>> rows) {
			return table(headers, rows, headers.stream().map(header -> 1).toList());
		}

		/** Adds a table with relative column widths. */
		public Builder table(List<String> headers, List<List<String>> rows, List<Integer> widths) {
			blocks.add(new Table(headers, rows, widths));
			return this;
		}

		/** Adds a picture. */
		public Builder image(byte[] png, String name, String caption) {
			blocks.add(new Image(png, name, caption));
			return this;
		}

		/** Returns the document. */
		public ReportDocument build() {
			return new ReportDocument(title, facts, blocks);
		}
	}
}

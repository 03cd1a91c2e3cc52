package io.vigil.report;

import java.util.Locale;

/** The formats a report is written in. */
public enum ReportFormat {

	/** Markdown; pictures are written beside the file and linked. */
	MARKDOWN("md"),
	/** One self-contained HTML file; pictures are embedded. */
	HTML("html"),
	/** PDF, A4, with the fonts it needs embedded. */
	PDF("pdf");

	private final String extension;

	ReportFormat(String extension) {
		this.extension = extension;
	}

	/** Returns the usual file name extension, without the dot. */
	public String extension() {
		return extension;
	}

	/**
	 * Returns the format with a name or extension ({@code md}, {@code markdown}, {@code html},
	 * {@code pdf}), ignoring case.
	 *
	 * @throws IllegalArgumentException naming the formats there are
	 */
	public static ReportFormat of(String name) {
		String wanted = name.toLowerCase(Locale.ROOT);
		for (ReportFormat format : values()) {
			if (format.extension.equals(wanted) || format.name().toLowerCase(Locale.ROOT).equals(wanted)) {
				return format;
			}
		}
		throw new IllegalArgumentException("unknown report format '" + name + "': use md, html or pdf");
	}
}

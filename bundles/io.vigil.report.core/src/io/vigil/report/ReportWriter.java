package io.vigil.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a {@link ReportDocument} to a file in one of the {@link ReportFormat}s. The file appears
 * whole or not at all: it is written beside its place and moved there when complete.
 */
public final class ReportWriter {

	private ReportWriter() {
	}

	/**
	 * Writes a report. For Markdown, each picture goes beside the file as
	 * {@code <file stem>-<picture name>.png}.
	 *
	 * @throws IOException when a file cannot be written; the target is then left as it was
	 */
	public static void write(ReportDocument document, ReportFormat format, Path out) throws IOException {
		Path target = out.toAbsolutePath();
		Path folder = target.getParent();
		Files.createDirectories(folder);
		Path partial = Files.createTempFile(folder, "." + target.getFileName(), ".partial");
		try {
			switch (format) {
				case MARKDOWN -> {
					String stem = stem(target.getFileName().toString());
					try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
						new MarkdownReport(document, stem).write(writer, (name, png) -> Files.write(folder.resolve(name), png));
					}
				}
				case HTML -> {
					try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
						new HtmlReport(document).write(writer);
					}
				}
				case PDF -> {
					try (OutputStream stream = Files.newOutputStream(partial)) {
						new PdfReport(document).write(stream);
					}
				}
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		} finally {
			Files.deleteIfExists(partial);
		}
	}

	private static String stem(String fileName) {
		int dot = fileName.lastIndexOf('.');
		return dot > 0 ? fileName.substring(0, dot) : fileName;
	}
}

package io.vigil.events.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled,
 * lines end with CRLF. Values are written exactly as they are: evidence is not rewritten.
 */
public final class CsvWriter {

	private final Writer out;

	/** Creates a writer on a character stream; the caller closes the stream. */
	public CsvWriter(Writer out) {
		this.out = out;
	}

	/** Writes one row. */
	public void row(List<String> values) throws IOException {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			field(values.get(i));
		}
		out.write("\r\n");
	}

	private void field(String value) throws IOException {
		boolean quote = false;
		for (int i = 0; i < value.length() && !quote; i++) {
			char c = value.charAt(i);
			quote = c == ',' || c == '"' || c == '\n' || c == '\r';
		}
		if (!quote) {
			out.write(value);
			return;
		}
		out.write('"');
		out.write(value.replace("\"", "\"\""));
		out.write('"');
	}
}
